// Compiles apps/ and libs/ to dist/ with SWC (decorator metadata on, @touchpoint/* aliases rewritten).
// Type checking is `npm run check`; this stays fast so `npm start` starts in seconds.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installConsole } from './build-console.mjs';

// `--out-dir DIR` builds elsewhere (the bench and the chaos tests build their own copy so a concurrent
// `npm start` keeps its dist/); `--also DIR` compiles more top-level folders (bench/, tests/fakes/).
const { values: args } = parseArgs({
  options: { 'out-dir': { type: 'string' }, also: { type: 'string', multiple: true } },
});
const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(root, args['out-dir'] ?? 'dist');
const options = (file) => ({
  filename: file,
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    baseUrl: root,
    paths: {
      '@touchpoint/core': ['libs/core/src/index.ts'],
      '@touchpoint/journeys': ['libs/journeys/src/index.ts'],
      '@touchpoint/channels': ['libs/channels/src/index.ts'],
      '@touchpoint/worker': ['libs/worker/src/index.ts'],
    },
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
});

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // The console is a browser app built by Vite (scripts/build-console.mjs), not by SWC.
    if (entry.isDirectory() && full === path.join(root, 'apps', 'console')) continue;
    if (entry.isDirectory()) {
      yield* sources(full);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      yield full;
    }
  }
}

await rm(out, { recursive: true, force: true });
let count = 0;
for (const top of ['apps', 'libs', ...(args.also ?? [])]) {
  for await (const file of sources(path.join(root, top))) {
    const { code, map } = await transformFile(file, options(file));
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map`);
    if (map) await writeFile(`${target}.map`, map);
    count++;
  }
}
console.log(`built ${count} files into ${path.relative(root, out) || '.'}/`);
// The console goes with the service's own build only (not with the bench's or the chaos tests' copies).
if (!args['out-dir']) await installConsole(path.join(out, 'console'));
