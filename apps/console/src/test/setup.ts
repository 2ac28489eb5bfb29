import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import '../i18n/i18n';

// Component tests reach no server: what a component needs from the API is seeded in its query cache.
beforeEach(() => {
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('component tests reach no server')));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
