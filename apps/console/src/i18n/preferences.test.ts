import { afterEach, describe, expect, it } from 'vitest';
import { loadPreferences, savePreferences } from './preferences';

describe('preferences', () => {
  afterEach(() => localStorage.clear());

  it('should follow the system theme until the viewer chooses one', () => {
    expect(loadPreferences().theme).toBe('system');
  });

  it('should keep the chosen theme beside the language', () => {
    savePreferences({ language: 'fa', digits: 'latin', calendar: 'persian', theme: 'dark' });
    expect(loadPreferences()).toEqual({
      language: 'fa',
      digits: 'latin',
      calendar: 'persian',
      theme: 'dark',
    });
  });

  it('should fall back to the system theme for an unknown stored value', () => {
    localStorage.setItem('touchpoint.preferences', JSON.stringify({ theme: 'sepia' }));
    expect(loadPreferences().theme).toBe('system');
  });
});
