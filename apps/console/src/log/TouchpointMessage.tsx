import { useTranslation } from 'react-i18next';
import { EmailView, PushView, SmsBubble } from '../templates/MessageView';
import type { Touchpoint } from './log-filters';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The message as the customer's phone, mail client or notification showed it. */
export function TouchpointMessage({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation('log');
  const message = touchpoint.message;
  if (!message) return <p className="muted">{t('drawer.noMessage')}</p>;
  switch (touchpoint.channel) {
    case 'sms':
    case 'whatsapp':
      // WhatsApp outside its 24-hour window sent the content template: its text is Twilio's, so the body stands in.
      return <SmsBubble body={text(message.body)} />;
    case 'email':
      return <EmailView subject={text(message.subject)} html={text(message.html)} />;
    case 'push':
      return (
        <PushView
          title={text(message.title)}
          body={text(message.body)}
          url={text(message.url) || undefined}
        />
      );
    case 'survey':
      return <p className="muted">{t('drawer.noMessage')}</p>;
    case 'webhook':
      // The request as it was sent: where to, and its JSON body.
      return (
        <div dir="ltr">
          <p>POST {text(message.url)}</p>
          <pre>{JSON.stringify(message.body, null, 2)}</pre>
        </div>
      );
  }
}
