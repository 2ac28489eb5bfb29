import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Range } from './reports.api';

export const PERIODS = ['7d', '30d', '90d'] as const;
export type ReportPeriod = (typeof PERIODS)[number];
const DAYS: Record<ReportPeriod, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** The period in the URL (`?period=30d`), so a link shows a colleague the same figures. */
export function usePeriod(fallback: ReportPeriod = '30d') {
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period = PERIODS.find((value) => value === asked) ?? fallback;
  const range = useMemo<Range>(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - DAYS[period] * 86_400_000).toISOString(), to: to.toISOString() };
  }, [period]);
  const setPeriod = (next: ReportPeriod) =>
    setParams(
      (current) => {
        current.set('period', next);
        return current;
      },
      { replace: true },
    );
  return { period, range, setPeriod };
}
