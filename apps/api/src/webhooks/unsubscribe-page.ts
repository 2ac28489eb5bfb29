import { textDirection } from '@touchpoint/channels';

export type UnsubscribeState = 'confirm' | 'done' | 'invalid';

interface PageText {
  title: string;
  confirm: string;
  button: string;
  done: string;
  invalid: string;
}

const TEXT: Record<string, PageText> = {
  en: {
    title: 'Unsubscribe',
    confirm: 'Stop receiving these emails?',
    button: 'Unsubscribe',
    done: 'You are unsubscribed. You will not receive these emails any more.',
    invalid: 'This unsubscribe link is not valid.',
  },
  fa: {
    title: 'لغو اشتراک',
    confirm: 'دیگر این ایمیل‌ها را دریافت نکنید؟',
    button: 'لغو اشتراک',
    done: 'اشتراک شما لغو شد. دیگر این ایمیل‌ها را دریافت نخواهید کرد.',
    invalid: 'این پیوند لغو اشتراک معتبر نیست.',
  },
  ar: {
    title: 'إلغاء الاشتراك',
    confirm: 'هل تريد التوقف عن تلقي هذه الرسائل؟',
    button: 'إلغاء الاشتراك',
    done: 'تم إلغاء اشتراكك. لن تتلقى هذه الرسائل بعد الآن.',
    invalid: 'رابط إلغاء الاشتراك هذا غير صالح.',
  },
  he: {
    title: 'הסרה מרשימת התפוצה',
    confirm: 'להפסיק לקבל את הודעות הדוא״ל האלה?',
    button: 'הסרה',
    done: 'הוסרת מרשימת התפוצה. לא תקבל/י עוד את ההודעות האלה.',
    invalid: 'קישור ההסרה הזה אינו תקף.',
  },
};

/** `fa-IR` → `fa`; anything without a translation reads English. */
function language(locale: string | null | undefined): string {
  const lang = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  return TEXT[lang] ? lang : 'en';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The small page behind an email's unsubscribe link, in the customer's language and direction. */
export function unsubscribePage(
  state: UnsubscribeState,
  locale: string | null | undefined,
  action = '',
): string {
  const lang = language(locale);
  const t = TEXT[lang];
  const body =
    state === 'confirm'
      ? `<p>${escapeHtml(t.confirm)}</p>
    <form method="post" action="${escapeHtml(action)}">
      <input type="hidden" name="List-Unsubscribe" value="One-Click">
      <button type="submit">${escapeHtml(t.button)}</button>
    </form>`
      : `<p>${escapeHtml(state === 'done' ? t.done : t.invalid)}</p>`;
  return `<!doctype html>
<html lang="${lang}" dir="${textDirection(lang)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${escapeHtml(t.title)}</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; }
      button { font: inherit; padding: .5rem 1.25rem; cursor: pointer; }
    </style>
  </head>
  <body>
    <h1>${escapeHtml(t.title)}</h1>
    ${body}
  </body>
</html>
`;
}
