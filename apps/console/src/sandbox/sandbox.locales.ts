const en = {
  title: 'Sandbox inbox',
  intro:
    'What the sandbox “sent” instead of a provider: each message as the phone, mail client or device would show it.',
  channel: 'Channel',
  to: 'To',
  all: 'All',
  test: 'Test send',
  empty: 'Nothing has been sent to the sandbox yet.',
  sentTo: 'To {{to}}, {{when}}',
};
type Strings = typeof en;
const fa: Strings = {
  title: 'صندوق سندباکس',
  intro: 'آنچه سندباکس به جای سرویس‌دهنده «فرستاد»: هر پیام همان‌طور که گوشی، ایمیل یا دستگاه نشان می‌دهد.',
  channel: 'کانال',
  to: 'گیرنده',
  all: 'همه',
  test: 'ارسال آزمایشی',
  empty: 'هنوز چیزی به سندباکس فرستاده نشده.',
  sentTo: 'به {{to}}، {{when}}',
};
const he: Strings = {
  title: 'תיבת ארגז החול',
  intro: 'מה שארגז החול „שלח” במקום ספק: כל הודעה כפי שהטלפון, תוכנת הדואר או המכשיר היו מציגים.',
  channel: 'ערוץ',
  to: 'נמען',
  all: 'הכול',
  test: 'שליחת בדיקה',
  empty: 'עדיין לא נשלח דבר לארגז החול.',
  sentTo: 'אל {{to}}, {{when}}',
};
export const sandboxLocales = { en, fa, he };
