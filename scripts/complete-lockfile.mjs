// Puts back into package-lock.json the optional packages of other platforms (macOS, Windows, other CPUs)
// that `npm install` on this workplace's machines leaves out, so that `npm ci` accepts the lockfile
// everywhere. Run it when `npm ci` says "Missing: <package>@<version> from lock file".
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

let log = '';
try {
  execFileSync('npm', ['ci', '--dry-run'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
  log = `${error.stdout ?? ''}${error.stderr ?? ''}`;
}
const missing = [...log.matchAll(/Missing: (\S+)@([^@\s]+) from lock file/g)].map((m) => [m[1], m[2]]);
if (missing.length === 0) {
  console.log('package-lock.json is complete: npm ci accepts it');
  process.exit(0);
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
for (const [name, version] of missing) {
  const meta = JSON.parse(
    execFileSync('npm', ['view', `${name}@${version}`, '--json'], { encoding: 'utf8' }),
  );
  const entry = {
    version: meta.version,
    resolved: meta.dist.tarball,
    integrity: meta.dist.integrity,
    cpu: meta.cpu,
    license: meta.license,
    optional: true,
    os: meta.os,
    libc: meta.libc,
    engines: meta.engines,
  };
  lock.packages[`node_modules/${name}`] = Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  );
  console.log(`added ${name}@${version}`);
}
const [root, ...rest] = Object.keys(lock.packages);
rest.sort((a, b) => a.localeCompare(b, 'en'));
lock.packages = Object.fromEntries([root, ...rest].map((key) => [key, lock.packages[key]]));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
// Let npm write it in its own form (dev flags, the registry setting for `resolved`).
execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts'], { stdio: 'inherit' });
