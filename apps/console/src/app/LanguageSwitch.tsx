import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/i18n';
import { usePreferences } from '../i18n/PreferencesProvider';
import type { Language } from '../i18n/preferences';

/** Language, and for Persian the digits and the calendar (both come from Intl). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { preferences, update } = usePreferences();
  return (
    <div className="language-switch">
      <label>
        <span className="visually-hidden">{t('language')}</span>
        <select
          value={preferences.language}
          onChange={(event) => update({ language: event.target.value as Language })}
          aria-label={t('language')}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      {preferences.language === 'fa' && (
        <>
          <select
            aria-label={t('digits')}
            value={preferences.digits}
            onChange={(event) => update({ digits: event.target.value === 'latin' ? 'latin' : 'native' })}
          >
            <option value="native">{t('digitsNative')}</option>
            <option value="latin">{t('digitsLatin')}</option>
          </select>
          <select
            aria-label={t('calendar')}
            value={preferences.calendar}
            onChange={(event) =>
              update({ calendar: event.target.value === 'persian' ? 'persian' : 'gregory' })
            }
          >
            <option value="gregory">{t('calendars.gregory')}</option>
            <option value="persian">{t('calendars.persian')}</option>
          </select>
        </>
      )}
    </div>
  );
}
