import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// The console is served by the API under a strict CSP: no inline script, so no inlined module preload
// polyfill and no eval in development builds either.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@touchpoint/journeys': path.resolve(root, '../../libs/journeys/src/index.ts'),
    },
  },
  build: {
    outDir: path.resolve(root, '../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/v1': process.env.TOUCHPOINT_URL ?? 'http://127.0.0.1:3000' },
  },
});
