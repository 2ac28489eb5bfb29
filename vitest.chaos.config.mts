import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:chaos`: faults against the real processes (workers are child processes, so SIGKILL is real).
 * Kept out of `npm test`'s projects: these suites take minutes, not seconds, and .ci/run runs them on their own.
 */
export default defineConfig({
  plugins: [swc.vite({ jsc: { transform: { legacyDecorator: true, decoratorMetadata: true } } })],
  resolve: {
    alias: {
      '@touchpoint/core': path.resolve(import.meta.dirname, 'libs/core/src/index.ts'),
      '@touchpoint/journeys': path.resolve(import.meta.dirname, 'libs/journeys/src/index.ts'),
      '@touchpoint/channels': path.resolve(import.meta.dirname, 'libs/channels/src/index.ts'),
      '@touchpoint/worker': path.resolve(import.meta.dirname, 'libs/worker/src/index.ts'),
    },
  },
  test: {
    name: 'chaos',
    include: ['tests/chaos/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts', 'tests/chaos/build-apps.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
