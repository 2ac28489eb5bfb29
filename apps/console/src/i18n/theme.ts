import { useSyncExternalStore } from 'react';
import type { Theme } from './preferences';

export type ColorMode = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The colours actually shown: the viewer's choice, or the system's while they leave it to the system. */
export function useColorMode(theme: Theme): ColorMode {
  const dark = useSyncExternalStore(subscribe, systemDark, () => false);
  return theme === 'system' ? (dark ? 'dark' : 'light') : theme;
}

/** `[data-theme]` on <html> picks the token set in styles.css (and its `color-scheme`). */
export function applyColorMode(mode: ColorMode): void {
  document.documentElement.dataset.theme = mode;
}
