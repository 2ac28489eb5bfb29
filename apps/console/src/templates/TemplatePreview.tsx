import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ChannelName } from '../api/channels';
import { ApiError } from '../api/http';
import { EmailView, PushView, SmsBubble } from './MessageView';
import { previewTemplate } from './templates.api';
import { TestSendDialog } from './TestSendDialog';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** What the server found wrong, field by field (`template.body: …`), or its one-line detail. */
function problemText(error: Error): string {
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return fields.length ? fields.map((p) => `${p.path}: ${p.message}`).join('; ') : error.message;
}

/** The server's rendering of a template for a chosen customer, and "send me a test". */
export function TemplatePreview({
  channel,
  template,
  locale,
}: {
  channel: string;
  template: Record<string, unknown>;
  locale: string | null;
}) {
  const { t } = useTranslation('templates');
  const { id: journeyId } = useParams();
  const [customerId, setCustomerId] = useState('');
  const request = useDebounced(
    {
      channel,
      template,
      customer: customerId.trim()
        ? { id: customerId.trim() }
        : { locale: locale ?? 'en', attributes: { firstName: t('sampleName') } },
      event: { name: 'preview', properties: { cartUrl: 'https://shop.example/cart/1' } },
      ...(journeyId ? { journey: { id: journeyId } } : {}),
    },
    400,
  );
  const preview = useQuery({
    queryKey: ['template-preview', request],
    queryFn: () => previewTemplate(request),
    retry: false,
  });
  const rendered = preview.data?.rendered ?? {};
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('preview')}</h3>
      <label className="field">
        <span>{t('previewAs')}</span>
        <input
          dir="ltr"
          value={customerId}
          placeholder={t('sampleCustomer')}
          onChange={(e) => setCustomerId(e.target.value)}
        />
      </label>
      {preview.isError ? (
        <p className="error-text" role="alert">
          {problemText(preview.error)}
        </p>
      ) : preview.data ? (
        <div aria-live="polite">
          <p className="muted">{t('renderedIn', { locale: preview.data.locale })}</p>
          {(channel === 'sms' || channel === 'whatsapp') && (
            <SmsBubble body={rendered.body ?? ''} sms={preview.data.sms} lang={preview.data.locale} />
          )}
          {channel === 'email' && <EmailView subject={rendered.subject ?? ''} html={rendered.html ?? ''} />}
          {channel === 'push' && (
            <PushView title={rendered.title ?? ''} body={rendered.body ?? ''} url={rendered.url} />
          )}
        </div>
      ) : (
        <p className="muted">{t('common:loading')}</p>
      )}
      <TestSendDialog
        request={{
          channel: channel as ChannelName,
          template,
          event: request.event,
          customer: request.customer,
          ...(request.journey ? { journey: request.journey } : {}),
        }}
      />
    </section>
  );
}
