import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../i18n/format';
import { COLOURS, useChartStyle } from './charts/axes';
import { ChartFigure } from './charts/ChartFigure';
import { DataTable } from './charts/DataTable';
import type { NpsSeries } from './reports.api';

const GROUPS = ['promoters', 'passives', 'detractors'] as const;
type Week = NpsSeries['items'][number];

/** Answers per week stacked by kind, with the week's NPS as a line on its own −100…100 axis. */
export function NpsChart({ series }: { series: NpsSeries }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const style = useChartStyle();
  const title = t('nps.perWeek');
  const score = (week: Week) => (week.score === null ? '—' : format.number(Math.round(week.score)));
  const table = (
    <DataTable
      caption={title}
      rows={series.items}
      rowKey={(week) => week.period}
      columns={[
        { key: 'week', label: t('week'), header: true, cell: (week) => format.date(week.period) },
        ...GROUPS.map((group) => ({
          key: group,
          label: t(`metrics.${group}`),
          numeric: true,
          cell: (week: Week) => format.number(week[group]),
        })),
        { key: 'score', label: t('metrics.score'), numeric: true, cell: score },
      ]}
    />
  );
  return (
    <ChartFigure title={title} table={table}>
      {series.items.length === 0 ? (
        <p className="muted">{t('noData')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart
            data={series.items}
            title={title}
            aria-label={title}
            margin={{ top: 8, right: 8, left: 8 }}
          >
            <CartesianGrid vertical={false} {...style.grid} />
            <XAxis
              dataKey="period"
              {...style.xAxis}
              tickFormatter={(value: string) => format.dayMonth(value)}
            />
            <YAxis yAxisId="answers" {...style.yAxis} allowDecimals={false} />
            <YAxis
              yAxisId="score"
              {...style.yAxis}
              orientation={style.rtl ? 'left' : 'right'}
              domain={[-100, 100]}
              width={48}
            />
            <Tooltip {...style.tooltip} labelFormatter={(value) => format.dayMonth(String(value))} />
            <Legend {...style.legend} />
            {GROUPS.map((group) => (
              <Bar
                key={group}
                yAxisId="answers"
                dataKey={group}
                name={t(`metrics.${group}`)}
                stackId="answers"
                fill={COLOURS[group]}
                maxBarSize={56}
                isAnimationActive={false}
              />
            ))}
            <Line
              yAxisId="score"
              dataKey="score"
              name={t('metrics.score')}
              stroke={COLOURS.score}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
