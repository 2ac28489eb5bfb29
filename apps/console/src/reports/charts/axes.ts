import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

const TICK = { fill: 'var(--muted)', fontSize: 12 };

/**
 * Axis, grid and tooltip settings every chart shares: in Persian and Hebrew the category axis runs
 * from the right and the value axis stands on the right; ticks and tooltips in the viewer's digits
 * and in the theme's colours.
 */
export function useChartStyle() {
  const { i18n } = useTranslation();
  const format = useFormat();
  const rtl = i18n.dir() === 'rtl';
  const number = (value: unknown) => (typeof value === 'number' ? format.number(value) : String(value));
  return {
    rtl,
    /** Where the axis that names the categories (days, steps) runs along. */
    xAxis: { reversed: rtl, tick: TICK, stroke: 'var(--border)', tickMargin: 6 },
    yAxis: {
      orientation: rtl ? ('right' as const) : ('left' as const),
      tick: TICK,
      stroke: 'var(--border)',
      tickFormatter: number,
      width: 'auto' as const,
    },
    grid: { stroke: 'var(--border)', strokeDasharray: '3 3' },
    tooltip: {
      formatter: number,
      contentStyle: {
        background: 'var(--surface)',
        border: '1px solid var(--border)',
        borderRadius: 8,
        color: 'var(--text)',
        direction: rtl ? ('rtl' as const) : ('ltr' as const),
        textAlign: 'start' as const,
      },
      labelStyle: { color: 'var(--text)', fontWeight: 600 },
      cursor: { fill: 'var(--subtle)' },
    },
    // In the order the series are drawn (the funnel's order), not alphabetically.
    legend: {
      itemSorter: null,
      wrapperStyle: { color: 'var(--text)', direction: rtl ? ('rtl' as const) : ('ltr' as const) },
    },
  };
}

/** The series colours: tokens in reports.css, one set per theme. */
export const COLOURS: Record<string, string> = {
  entered: 'var(--chart-entered)',
  enrolled: 'var(--chart-entered)',
  sent: 'var(--chart-sent)',
  delivered: 'var(--chart-delivered)',
  opened: 'var(--chart-opened)',
  clicked: 'var(--chart-clicked)',
  converted: 'var(--chart-converted)',
  failed: 'var(--chart-failed)',
  suppressed: 'var(--chart-suppressed)',
  count: 'var(--chart-sent)',
  promoters: 'var(--chart-delivered)',
  passives: 'var(--chart-passive)',
  detractors: 'var(--chart-failed)',
  score: 'var(--chart-score)',
};

/** Lines told apart by their dashes too, not by colour alone. */
export const DASHES: Record<string, string | undefined> = {
  sent: undefined,
  delivered: '8 3',
  failed: '2 3',
  clicked: '10 3 2 3',
};
