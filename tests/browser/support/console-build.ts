import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    consoleDir: string;
  }
}

/** Builds the console once for the browser suites (or reuses the cached build of the same sources). */
export default async function setup(project: TestProject): Promise<() => void> {
  const script = pathToFileURL(path.resolve(__dirname, '../../../scripts/build-console.mjs')).href;
  const { buildConsole } = (await import(script)) as {
    buildConsole: (options?: { log?: (line: string) => void }) => Promise<{ dir: string }>;
  };
  const { dir } = await buildConsole({ log: () => undefined });
  // Served from a path without dot-folders: express.static refuses any file under node_modules/.cache.
  const served = mkdtempSync(path.join(tmpdir(), 'touchpoint-console-'));
  cpSync(dir, served, { recursive: true });
  project.provide('consoleDir', served);
  return () => rmSync(served, { recursive: true, force: true });
}
