import { buildApps } from '../support/process-stack';

/** Where the chaos suites' compiled apps live: a folder of their own, so a concurrent `npm start` keeps dist/. */
export const CHAOS_BUILD_DIR = 'node_modules/.cache/touchpoint/chaos';

/** The chaos suites run the compiled worker as child processes: build it once before them. */
export default async function setup(): Promise<void> {
  await buildApps(CHAOS_BUILD_DIR);
}
