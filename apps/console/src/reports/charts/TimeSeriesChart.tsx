import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../i18n/format';
import type { SeriesRow } from '../reports.api';
import { COLOURS, DASHES, useChartStyle } from './axes';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';

type Metric = 'sent' | 'delivered' | 'failed' | 'clicked';
const METRICS: readonly Metric[] = ['sent', 'delivered', 'failed', 'clicked'];
const ALL = 'all';

/** Per period, the chosen channel's rows (or all channels') summed into one point. */
function pointsOf(rows: SeriesRow[], channel: string) {
  const byPeriod = new Map<string, Record<Metric, number> & { period: string }>();
  for (const row of rows) {
    if (channel !== ALL && row.channel !== channel) continue;
    const point = byPeriod.get(row.period) ?? {
      period: row.period,
      sent: 0,
      delivered: 0,
      failed: 0,
      clicked: 0,
    };
    for (const metric of METRICS) point[metric] += row[metric];
    byPeriod.set(row.period, point);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** Sent, delivered, failed and clicked per day, for one channel or all; the table keeps each channel apart. */
export function TimeSeriesChart({ title, rows }: { title: string; rows: SeriesRow[] }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const style = useChartStyle();
  const [channel, setChannel] = useState(ALL);
  const channels = [...new Set(rows.map((row) => row.channel))].sort();
  const points = pointsOf(rows, channel);
  const picker = (
    <label className="inline-field">
      <span>{t('channel')}</span>
      <select value={channel} onChange={(event) => setChannel(event.target.value)}>
        <option value={ALL}>{t('allChannels')}</option>
        {channels.map((value) => (
          <option key={value} value={value}>
            {t(`channels.${value}`, { defaultValue: value })}
          </option>
        ))}
      </select>
    </label>
  );
  const table = (
    <DataTable
      caption={title}
      rows={rows}
      rowKey={(row) => `${row.period}-${row.channel}`}
      columns={[
        { key: 'period', label: t('day'), header: true, cell: (row) => format.date(row.period) },
        {
          key: 'channel',
          label: t('channel'),
          cell: (row) => t(`channels.${row.channel}`, { defaultValue: row.channel }),
        },
        ...METRICS.map((metric) => ({
          key: metric,
          label: t(`metrics.${metric}`),
          numeric: true,
          cell: (row: SeriesRow) => format.number(row[metric]),
        })),
      ]}
    />
  );
  return (
    <ChartFigure title={title} table={table} controls={picker}>
      {points.length === 0 ? (
        <p className="muted">{t('noData')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={points} title={title} aria-label={title} margin={{ top: 8, right: 8, left: 8 }}>
            <CartesianGrid vertical={false} {...style.grid} />
            <XAxis dataKey="period" {...style.xAxis} tickFormatter={(value: string) => format.date(value)} />
            <YAxis {...style.yAxis} allowDecimals={false} />
            <Tooltip {...style.tooltip} labelFormatter={(value) => format.date(String(value))} />
            <Legend {...style.legend} />
            {METRICS.map((metric) => (
              <Line
                key={metric}
                dataKey={metric}
                name={t(`metrics.${metric}`)}
                stroke={COLOURS[metric]}
                strokeDasharray={DASHES[metric]}
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
