import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { DataTable } from './charts/DataTable';
import type { JourneyReport } from './reports.api';

type Significance = NonNullable<JourneyReport['significance']>;
type Comparison = Significance['treated'] & { key: string; name: string };

/** Conversions of the treated and of each variant beside the holdout, and whether the lift is real. */
export function SignificanceTable({ significance }: { significance: Significance }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const rate = (value: number | null) => (value === null ? '—' : format.percent(value));
  const points = (value: number | null) =>
    value === null ? '—' : t('points', { value: format.decimal(value * 100, 1) });
  // Three decimals, and below that only "< 0.001": more digits would promise a precision the test has not.
  const pValue = (value: number | null) =>
    value === null
      ? '—'
      : value < 0.001
        ? t('pBelow', { value: format.decimal(0.001, 3) })
        : format.decimal(value, 3);
  const rows: Comparison[] = [
    { key: 'treated', name: t('treated'), ...significance.treated },
    ...significance.variants.map((variant) => ({
      key: `variant-${variant.variant}`,
      name: t('variant', { name: variant.variant }),
      ...variant,
    })),
  ];
  return (
    <section className="report-card" aria-labelledby="significance-title">
      <h2 id="significance-title">{t('report.significance')}</h2>
      <p className="muted">
        {t('report.holdout', {
          converted: format.number(significance.control.converted),
          n: format.number(significance.control.n),
        })}
      </p>
      <DataTable
        caption={t('report.significance')}
        rows={rows}
        rowKey={(row) => row.key}
        columns={[
          { key: 'name', label: t('group'), header: true, cell: (row) => row.name },
          { key: 'rate', label: t('conversionRate'), numeric: true, cell: (row) => rate(row.rate) },
          { key: 'control', label: t('holdoutRate'), numeric: true, cell: (row) => rate(row.controlRate) },
          { key: 'lift', label: t('lift'), numeric: true, cell: (row) => points(row.lift) },
          {
            key: 'ci',
            label: t('ci95'),
            numeric: true,
            cell: (row) =>
              row.ci95 ? t('interval', { low: points(row.ci95[0]), high: points(row.ci95[1]) }) : '—',
          },
          {
            key: 'p',
            label: t('pValue'),
            numeric: true,
            cell: (row) => pValue(row.pValue),
          },
          {
            key: 'verdict',
            label: t('verdict'),
            cell: (row) => (
              <span className={row.significant ? 'verdict verdict--real' : 'verdict'}>
                {row.pValue === null ? t('notEnough') : row.significant ? t('significant') : t('noise')}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
