// Builds the console (apps/console) with Vite, once per distinct source: the build is cached under
// node_modules/.cache/touchpoint/console/<hash of its sources, the libs it bundles and the lockfile>,
// so a warm `npm start` only copies it.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const cacheRoot = path.join(root, 'node_modules/.cache/touchpoint/console');
const SOURCES = ['apps/console', 'libs/journeys/src'];
const skip = (name) => /\.(test|spec)\.tsx?$/.test(name) || name === 'node_modules';

async function* files(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (skip(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

/** A hash of everything the console build reads. */
export async function consoleSourceHash() {
  const hash = createHash('sha256');
  for (const top of SOURCES) {
    for await (const file of files(path.join(root, top))) {
      hash
        .update(path.relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  }
  hash.update(await readFile(path.join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

const exists = (p) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** The directory of a console build for the current sources, building it when there is none yet. */
export async function buildConsole({ log = console.log } = {}) {
  const hash = await consoleSourceHash();
  const dir = path.join(cacheRoot, hash);
  if (await exists(path.join(dir, 'index.html'))) return { dir, cached: true };
  const tmp = `${dir}.tmp-${process.pid}`;
  const started = Date.now();
  const { build } = await import('vite');
  // Always a production build, whatever NODE_ENV the caller runs under (Vitest sets `test`, which
  // Vite would honour with React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(root, 'apps/console/vite.config.mts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: tmp },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  // Keep only the newest build: older ones are for sources that no longer exist.
  for (const old of await readdir(cacheRoot).catch(() => [])) {
    if (old !== hash && !old.includes('.tmp-')) {
      await rm(path.join(cacheRoot, old), { recursive: true, force: true });
    }
  }
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  log(`built the console in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, cached: false };
}

/** Puts the console build at `target` (dist/console), building it first when the sources changed. */
export async function installConsole(target) {
  const { dir, cached } = await buildConsole();
  await mkdir(path.dirname(target), { recursive: true });
  await cp(dir, target, { recursive: true });
  console.log(`console ${cached ? 'from cache' : 'built'} into ${path.relative(root, target)}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { dir } = await buildConsole();
  console.log(dir);
}
