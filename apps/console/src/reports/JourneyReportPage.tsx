import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../i18n/format';
import { BarsChart, type BarRow } from './charts/BarsChart';
import { TimeSeriesChart } from './charts/TimeSeriesChart';
import { Figures } from './Figures';
import { PeriodPicker } from './PeriodPicker';
import { usePeriod } from './period';
import { QueryState } from './QueryState';
import { useJourneyReport, type JourneyReport, type Range } from './reports.api';
import './reports.setup';
import { SignificanceTable } from './SignificanceTable';

const STEP_METRICS = ['entered', 'sent', 'delivered', 'clicked', 'converted'] as const;
const VARIANT_METRICS = ['enrolled', 'sent', 'delivered', 'clicked', 'converted'] as const;

function stepRows(report: JourneyReport): BarRow[] {
  return report.steps.flatMap((step) =>
    step.type === 'send'
      ? [
          {
            key: step.stepId,
            label: step.stepId,
            values: {
              entered: step.entered,
              sent: step.sent,
              delivered: step.delivered,
              clicked: step.clicked,
              converted: step.converted,
            },
          },
        ]
      : [],
  );
}

function variantRows(report: JourneyReport): BarRow[] {
  return report.variants.map((variant) => ({
    key: variant.variant,
    label: variant.variant,
    values: {
      enrolled: variant.enrolled,
      sent: variant.touchpoints.sent,
      delivered: variant.touchpoints.delivered,
      clicked: variant.touchpoints.clicked,
      converted: variant.converted,
    },
  }));
}

/** How one journey did over a period: its funnel, its days, and whether it beat the holdout for real. */
export function JourneyReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reports');
  const { period, range, setPeriod } = usePeriod('30d');
  const report = useJourneyReport(id, range);
  return (
    <div className="page report">
      <div className="page__header">
        <div>
          <Link to={`/journeys/${id}`}>{t('report.backToJourney')}</Link>
          <h1 dir="auto">
            {report.data ? t('report.title', { name: report.data.name }) : t('report.untitled')}
          </h1>
        </div>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <QueryState query={report}>{(data) => <JourneyReportBody report={data} range={range} />}</QueryState>
    </div>
  );
}

function JourneyReportBody({ report, range }: { report: JourneyReport; range: Range }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const suppressions = Object.entries(report.touchpoints.suppressedBy)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, count]) => ({
      key: reason,
      label: t(`reasons.${reason}`, { defaultValue: reason }),
      values: { count },
    }));
  return (
    <>
      <Figures
        items={[
          { key: 'enrolled', label: t('metrics.enrolled'), value: format.number(report.enrolled) },
          { key: 'holdout', label: t('metrics.holdout'), value: format.number(report.holdout) },
          { key: 'sent', label: t('metrics.sent'), value: format.number(report.touchpoints.sent) },
          {
            key: 'delivered',
            label: t('metrics.delivered'),
            value: format.number(report.touchpoints.delivered),
          },
          { key: 'failed', label: t('metrics.failed'), value: format.number(report.touchpoints.failed) },
          {
            key: 'nps',
            label: t('metrics.score'),
            value: report.nps.score === null ? '—' : format.number(report.nps.score),
          },
        ]}
      />
      {report.significance ? (
        <SignificanceTable significance={report.significance} />
      ) : (
        <p className="muted">{t('report.noGoal')}</p>
      )}
      <div className="report-grid">
        <BarsChart
          title={t('report.funnelSteps')}
          category={t('step')}
          rows={stepRows(report)}
          metrics={STEP_METRICS}
        />
        <BarsChart
          title={t('report.funnelVariants')}
          category={t('variantColumn')}
          rows={variantRows(report)}
          metrics={VARIANT_METRICS}
        />
      </div>
      <TimeSeriesChart title={t('report.perDay')} rows={report.series} range={range} />
      <BarsChart
        title={t('report.suppressions')}
        category={t('reason')}
        rows={suppressions}
        metrics={['count']}
        height={220}
      />
    </>
  );
}
