import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, type ChannelName } from '../api/channels';
import { api } from '../api/http';
import type { CustomerSummary, Journey } from '../api/types';
import type { JourneyDoc } from '../canvas/document';
import { editorApi } from '../canvas/editor.api';
import { useFormat } from '../i18n/format';
import { EmailView, PushView, SmsBubble } from '../templates/MessageView';

interface TimelineRow {
  name: string;
  at: string;
  properties: string;
}

/** `YYYY-MM-DDTHH:MM` in the viewer's zone, as a datetime-local input wants it. */
function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * What the journey would do for one customer and a timeline of events: each step with its UTC and local
 * time, the rendered message, and why anything is held or suppressed; the path lights up on the canvas.
 */
export function SimulatePanel({
  journey,
  doc,
  onPath,
  onClose,
}: {
  journey: Journey;
  doc: JourneyDoc;
  onPath: (steps: ReadonlySet<string> | undefined) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('canvas');
  const format = useFormat();
  const trigger = ((doc.trigger ?? {}) as { event?: string }).event ?? '';
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<CustomerSummary | null>(null);
  const [inline, setInline] = useState({
    timezone: 'Asia/Tehran',
    locale: 'fa-IR',
    phone: '+989121234567',
    email: '',
    firstName: '',
  });
  const [consent, setConsent] = useState<Record<ChannelName, boolean>>({
    sms: true,
    email: true,
    push: false,
    whatsapp: false,
  });
  const [events, setEvents] = useState<TimelineRow[]>([
    { name: trigger, at: localInputValue(new Date()), properties: '{}' },
  ]);
  const customers = useQuery({
    queryKey: ['customers', search],
    queryFn: () => api.get<{ items: CustomerSummary[] }>('/v1/customers', { search, limit: 20 }),
    enabled: search.trim().length > 0,
  });
  const simulate = useMutation({
    mutationFn: () => {
      const customer = picked
        ? { id: picked.id }
        : {
            timezone: inline.timezone || undefined,
            locale: inline.locale || undefined,
            phone: inline.phone || undefined,
            email: inline.email || undefined,
            attributes: inline.firstName ? { firstName: inline.firstName } : {},
            consent,
          };
      return editorApi.simulate(journey.id, {
        customer,
        definition: doc,
        events: events.map((row) => ({
          name: row.name,
          at: new Date(row.at).toISOString(),
          properties: JSON.parse(row.properties || '{}') as Record<string, unknown>,
        })),
      });
    },
    onSuccess: (result) => onPath(new Set(result.steps.map((step) => step.stepId))),
  });
  const setRow = (i: number, patch: Partial<TimelineRow>) =>
    setEvents((rows) => rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const result = simulate.data;
  return (
    <aside className="panel panel--wide" aria-labelledby="simulate-title">
      <div className="panel__head">
        <h2 id="simulate-title">{t('simulate')}</h2>
        <button type="button" className="button button--small" onClick={onClose} aria-label={t('closePanel')}>
          ✕
        </button>
      </div>
      <form
        className="panel__body"
        onSubmit={(event) => {
          event.preventDefault();
          simulate.mutate();
        }}
      >
        <fieldset>
          <legend>{t('sim.customer')}</legend>
          <label className="field">
            <span>{t('sim.search')}</span>
            <input type="search" dir="ltr" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          {customers.data && (
            <ul className="pick-list">
              {customers.data.items.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={picked?.id === c.id}
                    onClick={() => setPicked(picked?.id === c.id ? null : c)}
                  >
                    <code dir="ltr">{c.id}</code> <span dir="ltr">{c.phone ?? c.email ?? ''}</span>{' '}
                    {c.timezone ?? ''}
                  </button>
                </li>
              ))}
              {customers.data.items.length === 0 && <li className="muted">{t('sim.noCustomers')}</li>}
            </ul>
          )}
          {picked ? (
            <p>
              {t('sim.picked', { id: picked.id })}{' '}
              <button type="button" className="link-button" onClick={() => setPicked(null)}>
                {t('sim.typeInstead')}
              </button>
            </p>
          ) : (
            <div className="field-grid">
              <label className="field">
                <span>{t('sim.timezone')}</span>
                <input
                  dir="ltr"
                  value={inline.timezone}
                  onChange={(e) => setInline({ ...inline, timezone: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('sim.locale')}</span>
                <input
                  dir="ltr"
                  value={inline.locale}
                  onChange={(e) => setInline({ ...inline, locale: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('sim.phone')}</span>
                <input
                  dir="ltr"
                  value={inline.phone}
                  onChange={(e) => setInline({ ...inline, phone: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('sim.email')}</span>
                <input
                  dir="ltr"
                  value={inline.email}
                  onChange={(e) => setInline({ ...inline, email: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('sim.firstName')}</span>
                <input
                  dir="auto"
                  value={inline.firstName}
                  onChange={(e) => setInline({ ...inline, firstName: e.target.value })}
                />
              </label>
              <fieldset>
                <legend>{t('sim.consent')}</legend>
                {MESSAGE_CHANNELS.map((channel) => (
                  <label key={channel} className="checkbox">
                    <input
                      type="checkbox"
                      checked={consent[channel]}
                      onChange={(e) => setConsent({ ...consent, [channel]: e.target.checked })}
                    />
                    {t(`channels.${channel}`)}
                  </label>
                ))}
              </fieldset>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('sim.timeline')}</legend>
          {events.map((row, i) => (
            <div key={i} className="timeline-row">
              <label className="field">
                <span>{t('sim.event')}</span>
                <input dir="ltr" value={row.name} onChange={(e) => setRow(i, { name: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('sim.at')}</span>
                <input
                  type="datetime-local"
                  value={row.at}
                  onChange={(e) => setRow(i, { at: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('sim.properties')}</span>
                <input
                  dir="ltr"
                  value={row.properties}
                  onChange={(e) => setRow(i, { properties: e.target.value })}
                />
              </label>
              {events.length > 1 && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setEvents(events.filter((_, j) => j !== i))}
                >
                  {t('sim.removeEvent')}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              setEvents([
                ...events,
                {
                  name: '',
                  at: events[events.length - 1]?.at ?? localInputValue(new Date()),
                  properties: '{}',
                },
              ])
            }
          >
            {t('sim.addEvent')}
          </button>
        </fieldset>
        <button type="submit" className="button button--primary" disabled={simulate.isPending}>
          {t('sim.run')}
        </button>
        {simulate.isError && (
          <p className="error-text" role="alert">
            {simulate.error.message}
          </p>
        )}
        {result && (
          <section aria-label={t('sim.result')} className="sim-result">
            <p>
              {result.enrolled ? t('sim.enrolled', { timezone: result.timezone }) : t('sim.notEnrolled')}
              {result.variant && <> · {t('sim.variant', { variant: result.variant })}</>}
              {result.reason && <> · {result.reason}</>}
            </p>
            <ol className="sim-steps">
              {result.steps.map((step, i) => (
                <li key={i} className={`sim-step sim-step--${step.action}`}>
                  <div className="sim-step__head">
                    <strong>{t(`sim.actions.${step.action}`)}</strong> <code dir="ltr">{step.stepId}</code>
                  </div>
                  <div className="sim-step__times">
                    <span>
                      {t('sim.utc')}: <time dateTime={step.at}>{format.dateTime(step.at, 'UTC')}</time>
                    </span>
                    <span>
                      {t('sim.local', { timezone: result.timezone })}:{' '}
                      <time dateTime={step.localTime}>{format.dateTime(step.at, result.timezone)}</time>
                    </span>
                  </div>
                  {step.reason && <p className="sim-step__reason">{step.reason}</p>}
                  {step.rendered && (step.channel === 'sms' || step.channel === 'whatsapp') && (
                    <SmsBubble body={String(step.rendered.body ?? '')} />
                  )}
                  {step.rendered && step.channel === 'email' && (
                    <EmailView
                      subject={String(step.rendered.subject ?? '')}
                      html={String(step.rendered.html ?? '')}
                    />
                  )}
                  {step.rendered && step.channel === 'push' && (
                    <PushView
                      title={String(step.rendered.title ?? '')}
                      body={String(step.rendered.body ?? '')}
                    />
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
      </form>
    </aside>
  );
}
