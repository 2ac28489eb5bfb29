import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../i18n/format';
import type { Range, SeriesRow } from '../reports.api';
import { COLOURS, DASHES, useChartStyle } from './axes';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';

type Metric = 'sent' | 'delivered' | 'failed' | 'clicked';
const METRICS: readonly Metric[] = ['sent', 'delivered', 'failed', 'clicked'];
const ALL = 'all';

const DAY = 86_400_000;
type Point = Record<Metric, number> & { period: string };

/** Every UTC day of the range, zero where nothing happened, so a quiet day shows as a dip, not a gap. */
function daysOf(range: Range): number[] {
  const days: number[] = [];
  for (let day = Math.floor(Date.parse(range.from) / DAY) * DAY; day < Date.parse(range.to); day += DAY) {
    days.push(day);
  }
  return days;
}

/** Per day, the chosen channel's rows (or all channels') summed into one point. */
function pointsOf(rows: SeriesRow[], channel: string, range: Range): Point[] {
  const byDay = new Map<number, Point>(
    daysOf(range).map((day) => [
      day,
      { period: new Date(day).toISOString(), sent: 0, delivered: 0, failed: 0, clicked: 0 },
    ]),
  );
  for (const row of rows) {
    if (channel !== ALL && row.channel !== channel) continue;
    const point = byDay.get(Date.parse(row.period));
    if (point) for (const metric of METRICS) point[metric] += row[metric];
  }
  return [...byDay.values()];
}

/** Sent, delivered, failed and clicked per day, for one channel or all; the table keeps each channel apart. */
export function TimeSeriesChart({ title, rows, range }: { title: string; rows: SeriesRow[]; range: Range }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const style = useChartStyle();
  const [channel, setChannel] = useState(ALL);
  const channels = [...new Set(rows.map((row) => row.channel))].sort();
  const points = pointsOf(rows, channel, range);
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
      {rows.length === 0 ? (
        <p className="muted">{t('noData')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={points} title={title} aria-label={title} margin={{ top: 8, right: 24, left: 24 }}>
            <CartesianGrid vertical={false} {...style.grid} />
            <XAxis
              dataKey="period"
              {...style.xAxis}
              tickFormatter={(value: string) => format.dayMonth(value)}
            />
            <YAxis {...style.yAxis} allowDecimals={false} />
            <Tooltip {...style.tooltip} labelFormatter={(value) => format.dayMonth(String(value))} />
            <Legend {...style.legend} />
            {METRICS.map((metric) => (
              <Line
                key={metric}
                dataKey={metric}
                name={t(`metrics.${metric}`)}
                stroke={COLOURS[metric]}
                strokeDasharray={DASHES[metric]}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
