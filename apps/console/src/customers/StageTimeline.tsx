import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import { ErrorExplanation } from '../log/ErrorExplanation';
import type { MapEvent, MapItem, MapStage, MapTouchpoint } from './customers.api';

function TouchpointItem({ item, customerId }: { item: MapTouchpoint; customerId: string }) {
  const { t } = useTranslation('customers');
  const failed = ['failed', 'bounced', 'unsubscribed', 'unknown', 'suppressed'].includes(item.outcome);
  const log = new URLSearchParams({ customerId, open: item.id });
  return (
    <>
      <p className="journey-item__head">
        <span className={`badge badge--${failed ? 'error' : 'active'}`}>
          {t(`log:statuses.${item.outcome}`, { defaultValue: item.outcome })}
        </span>
        <strong>{t(`log:channels.${item.channel}`)}</strong>
        <span className="muted">
          {[item.journeyName, item.stepId].filter(Boolean).join(' · ')}
          {item.to && (
            <>
              {' · '}
              <bdi dir="ltr">{item.to}</bdi>
            </>
          )}
        </span>
      </p>
      {item.text && (
        <p className="journey-item__text" dir="auto">
          {item.text}
        </p>
      )}
      {item.error && <ErrorExplanation provider={null} code={item.error} message={null} />}
      {item.survey && (
        <p>
          {t('survey', { score: item.survey.score ?? '—' })}
          {item.survey.comment && (
            <q dir="auto" className="journey-item__comment">
              {item.survey.comment}
            </q>
          )}
        </p>
      )}
      {item.conversion && (
        <p className="journey-item__converted">{t('converted', { event: item.conversion.name })}</p>
      )}
      <Link to={`/log?${log.toString()}`} className="muted">
        {t('inLog')}
      </Link>
    </>
  );
}

function EventItem({ item }: { item: MapEvent }) {
  const { t } = useTranslation('customers');
  return (
    <p className="journey-item__head">
      <span className="badge badge--draft">{t('event')}</span>
      <code dir="ltr">{item.name}</code>
      {item.triggered && (
        <span className="muted">
          {t('triggered', { journey: item.triggered.journeyName ?? item.triggered.journeyId })}
        </span>
      )}
    </p>
  );
}

function Item({ item, customerId }: { item: MapItem; customerId: string }) {
  const format = useFormat();
  return (
    <li className={`journey-item journey-item--${item.type}`}>
      <time dateTime={item.at} className="journey-item__at muted">
        {format.dateTime(item.at)}
      </time>
      <div>
        {item.type === 'touchpoint' ? (
          <TouchpointItem item={item} customerId={customerId} />
        ) : (
          <EventItem item={item} />
        )}
      </div>
    </li>
  );
}

/** The customer's journey, stage by stage (awareness → advocacy), each stage's moments in order. */
export function StageTimeline({ stages, customerId }: { stages: MapStage[]; customerId: string }) {
  const { t } = useTranslation('customers');
  const format = useFormat();
  if (stages.length === 0) return <p>{t('nothingYet')}</p>;
  return (
    <ol className="stage-timeline">
      {stages.map((stage) => {
        const name = stage.stage ?? 'none';
        return (
          <li key={name} className="stage-timeline__stage" aria-labelledby={`stage-${name}`}>
            <h2 id={`stage-${name}`}>{t(`log:stages.${name}`)}</h2>
            <p className="muted">
              {t('stageSummary', {
                touchpoints: format.number(stage.touchpoints),
                events: format.number(stage.events),
                converted: format.number(stage.converted),
              })}
            </p>
            <ol className="stage-timeline__items">
              {stage.items.map((item) => (
                <Item key={`${item.type}-${item.id}`} item={item} customerId={customerId} />
              ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}
