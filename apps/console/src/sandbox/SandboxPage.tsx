import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, type ChannelName } from '../api/channels';
import { typed, unwrap } from '../api/http';
import type { SandboxMessage } from '../api/types';
import { canvasLocales } from '../canvas/canvas.locales';
import { useFormat } from '../i18n/format';
import { registerNamespace } from '../i18n/i18n';
import { EmailView, PushView, SmsBubble } from '../templates/MessageView';
import { sandboxLocales } from './sandbox.locales';

registerNamespace('sandbox', sandboxLocales);
registerNamespace('canvas', canvasLocales);

/** What the sandbox adapters "sent", shown as a phone, a mail client and a notification would show it. */
export function SandboxPage() {
  const { t } = useTranslation('sandbox');
  const format = useFormat();
  const [channel, setChannel] = useState('');
  const [to, setTo] = useState('');
  const messages = useQuery({
    queryKey: ['sandbox', channel, to],
    queryFn: async () =>
      (await unwrap(
        typed.GET('/v1/sandbox/messages', {
          params: {
            query: {
              channel: (channel || undefined) as ChannelName | undefined,
              to: to.trim() || undefined,
              limit: 100,
            },
          },
        }),
      )) as { items: SandboxMessage[] },
    refetchInterval: 5_000,
  });
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
      </div>
      <p className="muted">{t('intro')}</p>
      <div className="filters">
        <label className="inline-field">
          <span>{t('channel')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('all')}</option>
            {MESSAGE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`canvas:channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('to')}</span>
          <input dir="ltr" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {messages.isError && (
        <p className="error-text" role="alert">
          {messages.error.message}
        </p>
      )}
      {messages.data?.items.length === 0 && <p>{t('empty')}</p>}
      <ul className="inbox">
        {messages.data?.items.map((message, i) => (
          <li key={i} className="card inbox__item">
            <p className="muted">
              <strong>{t(`canvas:channels.${message.channel}`)}</strong> ·{' '}
              {t('sentTo', {
                to: message.to,
                when: message.at ? format.dateTime(String(message.at)) : '',
              })}{' '}
              {message.test && <span className="badge badge--draft">{t('test')}</span>}
            </p>
            {(message.channel === 'sms' || message.channel === 'whatsapp') && (
              <SmsBubble body={message.body ?? ''} />
            )}
            {message.channel === 'email' && (
              <EmailView
                subject={String(message.subject ?? '')}
                html={String(message.html ?? message.body ?? '')}
              />
            )}
            {message.channel === 'push' && (
              <PushView title={String(message.subject ?? '')} body={message.body ?? ''} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
