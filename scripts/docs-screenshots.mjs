// Retakes the README's console screenshots: runs the browser flow that builds the cart journey (it waits
// for the server's rendered preview before each shot) and copies its artifacts into docs/. The pictures
// come from the current API and console together, never from a build older than the API it called.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'browser', 'tests/browser/console-journey.test.ts'],
  { cwd: root, stdio: 'inherit' },
);
if (run.status !== 0) process.exit(run.status ?? 1);
for (const language of ['en', 'fa']) {
  const from = path.join(root, 'artifacts/console', `canvas-${language}.png`);
  const to = path.join(root, 'docs', `console-canvas-${language}.png`);
  copyFileSync(from, to);
  console.log(`${path.relative(root, from)} → ${path.relative(root, to)}`);
}
