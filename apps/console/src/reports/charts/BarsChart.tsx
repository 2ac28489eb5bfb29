import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../i18n/format';
import { COLOURS, useChartStyle } from './axes';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';

export interface BarRow {
  key: string;
  label: string;
  values: Record<string, number>;
}

interface BarsChartProps {
  title: string;
  /** What the rows are (a step, a variant, a reason): the table's first column. */
  category: string;
  rows: BarRow[];
  metrics: readonly string[];
  /** Bars along the value axis side by side (funnels) or one stack per row. */
  stacked?: boolean;
  height?: number;
}

/** Grouped or stacked bars, one group per row; the table beside it has the same figures. */
export function BarsChart({ title, category, rows, metrics, stacked, height = 280 }: BarsChartProps) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const style = useChartStyle();
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  // Side by side, a group reads from the start edge: in rtl the first metric's bar stands rightmost
  // (the chart is remounted on a change of direction: Recharts places bars in the order they mounted).
  const drawn = style.rtl && !stacked ? [...metrics].reverse() : metrics;
  const inFunnelOrder = (item: { dataKey?: unknown }) => metrics.indexOf(String(item.dataKey));
  const table = (
    <DataTable
      caption={title}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { key: 'label', label: category, header: true, cell: (row) => row.label },
        ...metrics.map((metric) => ({
          key: metric,
          label: t(`metrics.${metric}`),
          numeric: true,
          cell: (row: BarRow) => format.number(row.values[metric] ?? 0),
        })),
      ]}
    />
  );
  return (
    <ChartFigure title={title} table={table}>
      {rows.length === 0 ? (
        <p className="muted">{t('noData')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            key={style.rtl ? 'rtl' : 'ltr'}
            data={data}
            title={title}
            aria-label={title}
            margin={{ top: 8, right: 8, left: 8 }}
          >
            <CartesianGrid vertical={false} {...style.grid} />
            <XAxis dataKey="label" {...style.xAxis} interval={0} />
            <YAxis {...style.yAxis} allowDecimals={false} />
            <Tooltip {...style.tooltip} itemSorter={inFunnelOrder} />
            <Legend {...style.legend} itemSorter={inFunnelOrder} />
            {drawn.map((metric) => (
              <Bar
                key={metric}
                dataKey={metric}
                name={t(`metrics.${metric}`)}
                fill={COLOURS[metric] ?? COLOURS.count}
                stackId={stacked ? 'stack' : undefined}
                maxBarSize={56}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
