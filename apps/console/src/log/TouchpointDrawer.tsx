import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../ui/facts.css';
import { Link } from 'react-router';
import { ErrorExplanation } from './ErrorExplanation';
import { EventTimeline } from './EventTimeline';
import { useJourneyNames, useTouchpoint } from './log.api';
import type { Touchpoint } from './log-filters';
import { StatusBadge } from './StatusBadge';
import { TouchpointMessage } from './TouchpointMessage';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Details({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation('log');
  const names = useJourneyNames();
  const journey = touchpoint.journeyId
    ? (names.data?.get(touchpoint.journeyId) ?? touchpoint.journeyId)
    : null;
  return (
    <>
      <p>
        <StatusBadge status={touchpoint.status} />
        <span className="muted">
          {t(`channels.${touchpoint.channel}`)}
          {touchpoint.stage && ` · ${t(`stages.${touchpoint.stage}`)}`}
        </span>
      </p>
      {touchpoint.error && (
        <section aria-labelledby="drawer-error">
          <h3 id="drawer-error">{t('drawer.error')}</h3>
          <ErrorExplanation
            provider={touchpoint.provider}
            code={touchpoint.error}
            message={touchpoint.errorMessage}
          />
        </section>
      )}
      <dl className="facts">
        <Fact label={t('drawer.customer')}>
          <Link to={`/customers/${encodeURIComponent(touchpoint.customerId)}`}>
            <bdi dir="ltr">{touchpoint.customerId}</bdi>
          </Link>
        </Fact>
        <Fact label={t('drawer.to')}>{touchpoint.to && <bdi dir="ltr">{touchpoint.to}</bdi>}</Fact>
        <Fact label={t('drawer.journey')}>
          {journey && `${journey}${touchpoint.stepId ? ` · ${touchpoint.stepId}` : ''}`}
        </Fact>
        <Fact label={t('drawer.provider')}>{touchpoint.provider}</Fact>
        <Fact label={t('drawer.providerMessageId')}>
          {touchpoint.providerMessageId && <code dir="ltr">{touchpoint.providerMessageId}</code>}
        </Fact>
      </dl>
      <section aria-labelledby="drawer-timeline">
        <h3 id="drawer-timeline">{t('drawer.timeline')}</h3>
        <EventTimeline events={touchpoint.events} />
      </section>
      <section aria-labelledby="drawer-message">
        <h3 id="drawer-message">{t('drawer.message')}</h3>
        <TouchpointMessage touchpoint={touchpoint} />
      </section>
    </>
  );
}

/** One touchpoint in a side sheet over the log: what happened, why, and what the customer saw. */
export function TouchpointDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('log');
  const touchpoint = useTouchpoint(id);
  return (
    <Dialog.Root open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="sheet" aria-describedby={undefined}>
          <div className="panel__head">
            <Dialog.Title asChild>
              <h2>{t('drawer.title')}</h2>
            </Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="button button--small">
                {t('common:close')}
              </button>
            </Dialog.Close>
          </div>
          <div className="panel__body">
            {touchpoint.isPending ? (
              <p>{t('common:loading')}</p>
            ) : touchpoint.isError ? (
              <p role="alert" className="error-text">
                {t('common:error', { message: touchpoint.error.message })}
              </p>
            ) : (
              <Details touchpoint={touchpoint.data} />
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
