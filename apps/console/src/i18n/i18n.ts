import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common.locales';
import { loadPreferences, type Language } from './preferences';

export const LANGUAGES: readonly Language[] = ['en', 'fa', 'he'];
const RTL = new Set<Language>(['fa', 'he']);

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/** One namespace per feature: a feature folder registers its own strings when its code loads. */
export type FeatureLocales = Record<Language, Record<string, unknown>>;

export function registerNamespace(namespace: string, locales: FeatureLocales): void {
  for (const language of LANGUAGES) {
    if (!i18next.hasResourceBundle(language, namespace)) {
      i18next.addResourceBundle(language, namespace, locales[language], true, false);
    }
  }
}

const resources: Resource = {};
for (const language of LANGUAGES) resources[language] = { common: common[language] };

void i18next.use(initReactI18next).init({
  resources,
  lng: loadPreferences().language,
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Keeps <html lang dir> in step with the language, so the whole layout mirrors with logical CSS. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export { i18next };
