import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { BarsChart } from './charts/BarsChart';
import { DataTable } from './charts/DataTable';
import { TimeSeriesChart } from './charts/TimeSeriesChart';
import { Figures } from './Figures';
import { PeriodPicker } from './PeriodPicker';
import { usePeriod } from './period';
import { QueryState } from './QueryState';
import { useOverview, type Overview } from './reports.api';
import './reports.setup';

const CHANNEL_METRICS = ['sent', 'delivered', 'failed', 'clicked', 'suppressed'] as const;

/** Every journey at once: what went out, what arrived, what failed and why, and what is waiting. */
export function OverviewPage() {
  const { t } = useTranslation('reports');
  const { period, range, setPeriod } = usePeriod('7d');
  const overview = useOverview(range);
  return (
    <div className="page report">
      <div className="page__header">
        <h1>{t('overview.title')}</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <QueryState query={overview}>{(data) => <OverviewBody overview={data} />}</QueryState>
    </div>
  );
}

function OverviewBody({ overview }: { overview: Overview }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const channel = (value: string) => t(`channels.${value}`, { defaultValue: value });
  return (
    <>
      <Figures
        items={[
          { key: 'sent', label: t('metrics.sent'), value: format.number(overview.touchpoints.sent) },
          {
            key: 'delivered',
            label: t('metrics.delivered'),
            value: format.number(overview.touchpoints.delivered),
          },
          {
            key: 'rate',
            label: t('deliveryRate'),
            value: overview.deliveryRate === null ? '—' : format.percent(overview.deliveryRate),
          },
          { key: 'failed', label: t('metrics.failed'), value: format.number(overview.touchpoints.failed) },
          { key: 'unknown', label: t('metrics.unknown'), value: format.number(overview.unknown) },
        ]}
      />
      {overview.unknown > 0 && <p className="muted">{t('overview.unknownHint')}</p>}
      <TimeSeriesChart title={t('overview.perDay')} rows={overview.series} range={overview} />
      <BarsChart
        title={t('overview.perChannel')}
        category={t('channel')}
        rows={Object.entries(overview.byChannel).map(([key, figures]) => ({
          key,
          label: channel(key),
          values: figures,
        }))}
        metrics={CHANNEL_METRICS}
      />
      <section className="report-card" aria-labelledby="failures-title">
        <h2 id="failures-title">{t('overview.failures')}</h2>
        <DataTable
          caption={t('overview.failures')}
          rows={overview.failures}
          rowKey={(row) => `${row.channel}-${row.reason ?? ''}`}
          empty={t('overview.noFailures')}
          columns={[
            {
              key: 'reason',
              label: t('reason'),
              header: true,
              cell: (row) => <code dir="ltr">{row.reason ?? t('unknownReason')}</code>,
            },
            { key: 'channel', label: t('channel'), cell: (row) => channel(row.channel) },
            {
              key: 'count',
              label: t('metrics.count'),
              numeric: true,
              cell: (row) => format.number(row.count),
            },
            { key: 'provider', label: t('provider'), cell: (row) => row.provider ?? '—' },
            {
              key: 'message',
              label: t('providerSaid'),
              cell: (row) => <span dir="auto">{row.message ?? '—'}</span>,
            },
          ]}
        />
      </section>
      <section className="report-card" aria-labelledby="queues-title">
        <h2 id="queues-title">{t('overview.queues')}</h2>
        <DataTable
          caption={t('overview.queues')}
          rows={overview.queues}
          rowKey={(row) => row.queue}
          empty={t('overview.noQueues')}
          columns={[
            {
              key: 'queue',
              label: t('queue'),
              header: true,
              cell: (row) => <code dir="ltr">{row.queue}</code>,
            },
            ...(['waiting', 'active', 'delayed', 'failed'] as const).map((state) => ({
              key: state,
              label: t(`queueStates.${state}`),
              numeric: true,
              cell: (row: Overview['queues'][number]) => format.number(row[state]),
            })),
          ]}
        />
      </section>
    </>
  );
}
