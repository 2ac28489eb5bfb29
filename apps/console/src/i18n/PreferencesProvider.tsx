import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { applyDocumentLanguage, i18next } from './i18n';
import { intlLocale, loadPreferences, savePreferences, type Preferences } from './preferences';
import { applyColorMode, useColorMode, type ColorMode } from './theme';

interface PreferencesValue {
  preferences: Preferences;
  update: (patch: Partial<Preferences>) => void;
  locale: string;
  /** Light or dark as shown now (the `system` choice resolved). */
  colorMode: ColorMode;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState(loadPreferences);
  useEffect(() => {
    applyDocumentLanguage(preferences.language);
    if (i18next.language !== preferences.language) void i18next.changeLanguage(preferences.language);
    savePreferences(preferences);
  }, [preferences]);
  const colorMode = useColorMode(preferences.theme);
  // Before the first paint, so a dark-theme viewer never sees a light flash.
  useLayoutEffect(() => applyColorMode(colorMode), [colorMode]);
  const update = useCallback(
    (patch: Partial<Preferences>) => setPreferences((current) => ({ ...current, ...patch })),
    [],
  );
  const value = useMemo(
    () => ({ preferences, update, locale: intlLocale(preferences), colorMode }),
    [preferences, update, colorMode],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
