export type Language = 'en' | 'fa' | 'he';
export type Digits = 'native' | 'latin';
export type Calendar = 'gregory' | 'persian';
/** The viewer's choice; `system` follows the operating system's light or dark setting. */
export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** How the viewer reads the console; not a secret, so it lives in localStorage. */
export interface Preferences {
  language: Language;
  digits: Digits;
  calendar: Calendar;
  theme: Theme;
}

const KEY = 'touchpoint.preferences';
const DEFAULTS: Preferences = { language: 'en', digits: 'native', calendar: 'gregory', theme: 'system' };

export function loadPreferences(): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
    return {
      language: stored.language === 'fa' || stored.language === 'he' ? stored.language : 'en',
      digits: stored.digits === 'latin' ? 'latin' : 'native',
      calendar: stored.calendar === 'persian' ? 'persian' : 'gregory',
      theme: stored.theme && THEMES.includes(stored.theme) ? stored.theme : 'system',
    };
  } catch {
    return DEFAULTS;
  }
}

export function savePreferences(preferences: Preferences): void {
  localStorage.setItem(KEY, JSON.stringify(preferences));
}

/** The Intl locale for the viewer: Persian digits and calendar are options of `fa` (the platform does both). */
export function intlLocale({ language, digits, calendar }: Preferences): string {
  switch (language) {
    case 'en':
      return 'en-GB';
    case 'he':
      return 'he-IL';
    case 'fa':
      return `fa-IR-u-ca-${calendar}-nu-${digits === 'native' ? 'arabext' : 'latn'}`;
  }
}
