import { textDirection } from '@touchpoint/channels';

interface PageText {
  title: string;
  low: string;
  high: string;
  comment: string;
  send: string;
  thanks: string;
  answered: string;
  invalid: string;
  gone: string;
  pickScore: string;
}

/** The page's own words, in the languages we ship; the question is the marketer's, as written. */
const TEXT: Record<string, PageText> = {
  en: {
    title: 'A quick question',
    low: 'Not at all likely',
    high: 'Extremely likely',
    comment: 'Anything you would like to add? (optional)',
    send: 'Send',
    thanks: 'Thank you for your answer.',
    answered: 'This survey has already been answered. Thank you!',
    invalid: 'This link is not valid.',
    gone: 'This survey is not available.',
    pickScore: 'Please choose a score from 0 to 10.',
  },
  fa: {
    title: 'یک پرسش کوتاه',
    low: 'اصلاً احتمال ندارد',
    high: 'خیلی زیاد',
    comment: 'نکته‌ای برای گفتن دارید؟ (اختیاری)',
    send: 'ارسال',
    thanks: 'از پاسخ شما سپاسگزاریم.',
    answered: 'به این نظرسنجی پیش‌تر پاسخ داده شده است. سپاس!',
    invalid: 'این پیوند معتبر نیست.',
    gone: 'این نظرسنجی در دسترس نیست.',
    pickScore: 'لطفاً امتیازی از ۰ تا ۱۰ انتخاب کنید.',
  },
  he: {
    title: 'שאלה קצרה',
    low: 'בכלל לא סביר',
    high: 'סביר מאוד',
    comment: 'רוצה להוסיף משהו? (לא חובה)',
    send: 'שליחה',
    thanks: 'תודה על תשובתך.',
    answered: 'כבר נענה הסקר הזה. תודה!',
    invalid: 'הקישור אינו תקין.',
    gone: 'הסקר אינו זמין.',
    pickScore: 'נא לבחור ציון בין 0 ל-10.',
  },
  ar: {
    title: 'سؤال سريع',
    low: 'غير محتمل إطلاقًا',
    high: 'محتمل جدًا',
    comment: 'هل تود إضافة شيء؟ (اختياري)',
    send: 'إرسال',
    thanks: 'شكرًا على إجابتك.',
    answered: 'تمت الإجابة على هذا الاستطلاع من قبل. شكرًا!',
    invalid: 'هذا الرابط غير صالح.',
    gone: 'هذا الاستطلاع غير متاح.',
    pickScore: 'يرجى اختيار درجة من 0 إلى 10.',
  },
  de: {
    title: 'Eine kurze Frage',
    low: 'Überhaupt nicht wahrscheinlich',
    high: 'Äußerst wahrscheinlich',
    comment: 'Möchten Sie noch etwas ergänzen? (optional)',
    send: 'Senden',
    thanks: 'Vielen Dank für Ihre Antwort.',
    answered: 'Diese Umfrage wurde bereits beantwortet. Vielen Dank!',
    invalid: 'Dieser Link ist ungültig.',
    gone: 'Diese Umfrage ist nicht verfügbar.',
    pickScore: 'Bitte wählen Sie einen Wert von 0 bis 10.',
  },
  fr: {
    title: 'Une petite question',
    low: 'Pas du tout probable',
    high: 'Très probable',
    comment: 'Souhaitez-vous ajouter quelque chose ? (facultatif)',
    send: 'Envoyer',
    thanks: 'Merci pour votre réponse.',
    answered: 'Vous avez déjà répondu à ce questionnaire. Merci !',
    invalid: 'Ce lien n’est pas valide.',
    gone: 'Ce questionnaire n’est pas disponible.',
    pickScore: 'Veuillez choisir une note de 0 à 10.',
  },
  es: {
    title: 'Una pregunta rápida',
    low: 'Nada probable',
    high: 'Muy probable',
    comment: '¿Quiere añadir algo? (opcional)',
    send: 'Enviar',
    thanks: 'Gracias por su respuesta.',
    answered: 'Esta encuesta ya fue respondida. ¡Gracias!',
    invalid: 'Este enlace no es válido.',
    gone: 'Esta encuesta no está disponible.',
    pickScore: 'Elija una puntuación de 0 a 10.',
  },
};

/** `fa-IR` → `fa`; a language we have no words for → English. */
export function pageLanguage(locale: string | null | undefined): string {
  const tag = (locale ?? '').toLowerCase().replace(/_/g, '-');
  return TEXT[tag] ? tag : TEXT[tag.split('-')[0]] ? tag.split('-')[0] : 'en';
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Tahoma,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}
h1{font-size:1.25rem;margin:0 0 1rem}
fieldset{border:0;margin:0;padding:0}
legend{font-weight:600;margin-bottom:.75rem}
.scale{display:flex;flex-wrap:wrap;gap:.35rem}
.scale label{flex:1 0 2.4rem;text-align:center;border:1px solid #c5cad3;border-radius:8px;padding:.5rem 0;cursor:pointer}
.scale input{position:absolute;opacity:0}
.scale input:checked+span{font-weight:700}
.scale label:has(input:checked){background:#1d4ed8;color:#fff;border-color:#1d4ed8}
.scale input:focus-visible+span{outline:2px solid #1d4ed8;outline-offset:4px}
.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#5b6475;margin:.4rem 0 1.25rem}
textarea{box-sizing:border-box;width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #c5cad3;border-radius:8px}
button{margin-top:1rem;font:inherit;padding:.6rem 1.5rem;border:0;border-radius:8px;background:#1d4ed8;color:#fff;cursor:pointer}
.error{color:#b91c1c;font-weight:600}`;

function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}" dir="${textDirection(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** The 0–10 scale and a comment box: a plain form that posts back to the same link, no script needed. */
export function surveyFormPage(input: {
  locale: string | null;
  question: string;
  error?: boolean;
  comment?: string;
}): string {
  const lang = pageLanguage(input.locale);
  const t = TEXT[lang];
  const digits = new Intl.NumberFormat(lang);
  const scale = Array.from(
    { length: 11 },
    (_, n) =>
      `<label><input type="radio" name="score" value="${n}" required><span>${digits.format(n)}</span></label>`,
  ).join('');
  return page(
    lang,
    t.title,
    `<h1>${escapeHtml(t.title)}</h1>
<form method="post">
<fieldset>
<legend>${escapeHtml(input.question)}</legend>
${input.error ? `<p class="error" role="alert">${escapeHtml(t.pickScore)}</p>` : ''}
<div class="scale">${scale}</div>
<div class="ends" aria-hidden="true"><span>${digits.format(0)}: ${escapeHtml(t.low)}</span><span>${digits.format(10)}: ${escapeHtml(t.high)}</span></div>
</fieldset>
<label for="comment">${escapeHtml(t.comment)}</label>
<textarea id="comment" name="comment" maxlength="2000">${escapeHtml(input.comment ?? '')}</textarea>
<button type="submit">${escapeHtml(t.send)}</button>
</form>`,
  );
}

export type SurveyMessage = 'thanks' | 'answered' | 'invalid' | 'gone';

/** A one-line page: thanks, already answered, a bad link, a survey that does not exist. */
export function surveyMessagePage(locale: string | null, message: SurveyMessage): string {
  const lang = pageLanguage(locale);
  const t = TEXT[lang];
  return page(lang, t.title, `<h1>${escapeHtml(t[message])}</h1>`);
}
