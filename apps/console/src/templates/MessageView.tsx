import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { registerNamespace } from '../i18n/i18n';
import { templatesLocales } from './templates.locales';

registerNamespace('templates', templatesLocales);

/** An SMS as a phone shows it: a bubble, with its segments and encoding when known. */
export function SmsBubble({
  body,
  sms,
  lang,
}: {
  body: string;
  sms?: { segments: number; encoding: string; characters: number };
  lang?: string;
}) {
  const { t } = useTranslation('templates');
  const format = useFormat();
  return (
    <figure className="phone" aria-label={t('smsPreview')}>
      <div className="phone__screen">
        <p className="bubble" dir="auto" lang={lang}>
          {body}
        </p>
      </div>
      {sms && (
        <figcaption className="muted">
          {t('segments', {
            segments: format.number(sms.segments),
            encoding: sms.encoding,
            characters: format.number(sms.characters),
          })}
        </figcaption>
      )}
    </figure>
  );
}

/** An email as a mail client shows it: subject over the HTML, the HTML in a sandboxed frame (no scripts). */
export function EmailView({ subject, html, from }: { subject: string; html: string; from?: string }) {
  const { t } = useTranslation('templates');
  return (
    <figure className="mail" aria-label={t('emailPreview')}>
      <div className="mail__head">
        {from && <div className="muted">{from}</div>}
        <strong dir="auto">{subject}</strong>
      </div>
      <iframe className="mail__body" title={t('emailBody', { subject })} sandbox="" srcDoc={html} />
    </figure>
  );
}

/** A push notification as a phone shows it. */
export function PushView({ title, body, url }: { title: string; body: string; url?: string }) {
  const { t } = useTranslation('templates');
  return (
    <figure className="push" aria-label={t('pushPreview')}>
      <div className="push__card">
        <strong dir="auto">{title}</strong>
        <p dir="auto">{body}</p>
        {url && (
          <span className="muted" dir="ltr">
            {url}
          </span>
        )}
      </div>
    </figure>
  );
}
