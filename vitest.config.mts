import react from '@vitejs/plugin-react';
import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const alias = {
  '@touchpoint/core': path.resolve(import.meta.dirname, 'libs/core/src/index.ts'),
  '@touchpoint/journeys': path.resolve(import.meta.dirname, 'libs/journeys/src/index.ts'),
  '@touchpoint/channels': path.resolve(import.meta.dirname, 'libs/channels/src/index.ts'),
  '@touchpoint/worker': path.resolve(import.meta.dirname, 'libs/worker/src/index.ts'),
};
const plugins = [swc.vite({ jsc: { transform: { legacyDecorator: true, decoratorMetadata: true } } })];

export default defineConfig({
  test: {
    projects: [
      {
        plugins,
        resolve: { alias },
        test: { name: 'unit', include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts'], environment: 'node' },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // The chaos suites run the built apps as child processes: `npm run test:chaos` (vitest.chaos.config.mts).
          exclude: ['tests/chaos/**', 'tests/browser/**'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // The suites share one Redis and one PostgreSQL server; each file gets its own database and
          // queue prefix, and files run one at a time so timing-sensitive end-to-end tests are not starved.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: { '@touchpoint/journeys': alias['@touchpoint/journeys'] } },
        test: {
          name: 'console',
          root: path.resolve(import.meta.dirname, 'apps/console'),
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          // The console in Debian's Chromium against the real API (a console build served by it).
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts', 'tests/browser/support/console-build.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
