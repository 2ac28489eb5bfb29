import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildApps } from '../support/process-stack';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the chaos suites' compiled apps are (see chaos-stack.ts). */
    chaosBuildDir: string;
  }
}

/**
 * The chaos suites run the compiled worker as child processes: build it once before them, into a folder
 * of this run's own (a concurrent `npm start`, or another run, keeps its files), removed afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await buildApps(`node_modules/.cache/touchpoint/chaos-${process.pid}`);
  project.provide('chaosBuildDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
