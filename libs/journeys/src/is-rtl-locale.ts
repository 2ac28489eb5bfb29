// Languages written right to left by default; Kurdish (ku), Punjabi (pa) and others are RTL only in Arabic script.
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'bal',
  'bqi',
  'ckb',
  'dv',
  'fa',
  'glk',
  'he',
  'iw',
  'ji',
  'khw',
  'ks',
  'lrc',
  'mzn',
  'nqo',
  'pnb',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** Whether text in this locale runs right to left: by its script subtag when given (`ku-Arab`), else its language. */
export function isRtlLocale(locale: string | null | undefined): boolean {
  if (!locale) return false;
  const [language, ...rest] = locale.trim().replace(/_/g, '-').toLowerCase().split('-');
  const script = rest.find((subtag) => /^[a-z]{4}$/.test(subtag));
  return script !== undefined ? RTL_SCRIPTS.has(script) : RTL_LANGUAGES.has(language);
}
