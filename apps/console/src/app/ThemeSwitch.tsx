import { useTranslation } from 'react-i18next';
import { usePreferences } from '../i18n/PreferencesProvider';
import { THEMES, type Theme } from '../i18n/preferences';

/** Light, dark, or whatever the operating system says; kept with the other preferences. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const { preferences, update } = usePreferences();
  return (
    <select
      aria-label={t('theme')}
      value={preferences.theme}
      onChange={(event) => update({ theme: event.target.value as Theme })}
    >
      {THEMES.map((theme) => (
        <option key={theme} value={theme}>
          {t(`themes.${theme}`)}
        </option>
      ))}
    </select>
  );
}
