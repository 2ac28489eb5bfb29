import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: an npm package, a node: module, one of our folders, or V8 itself. */
function owner(url: string, fallback: string): string {
  if (!url) return fallback;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const ours = /\/(apps\/[^/]+|libs\/[^/]+)\//.exec(url);
  return ours ? ours[1] : url.split('/').slice(-2).join('/');
}

/**
 * A `.cpuprofile` (from `node --cpu-prof`) as text: the share of CPU time spent in each package or folder
 * (self time, and inclusive time where that package is anywhere on the stack), and the hottest functions.
 */
export function summarizeCpuProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0) || 1;
  const idle = [...selfTime].filter(([id]) => nodes.get(id)?.callFrame.functionName === '(idle)');
  const idleTime = idle.reduce((a, [, t]) => a + t, 0);
  const busy = total - idleTime || 1;

  const bySelf = new Map<string, number>();
  const byInclusive = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
  for (const [id, t] of selfTime) {
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    add(bySelf, owner(frame.url, frame.functionName), t);
    const where = frame.url.replace(/^.*\/(node_modules|work\/main)\//, '');
    add(byFunction, `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`, t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = nodes.get(cur)!.callFrame;
      if (!f.url) continue;
      const o = owner(f.url, f.functionName);
      if (!seen.has(o)) {
        seen.add(o);
        add(byInclusive, o, t);
      }
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `  ${((100 * t) / busy).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return [
    `${file}: ${(busy / 1e3).toFixed(0)} ms busy of ${(total / 1e3).toFixed(0)} ms sampled`,
    ' self time by package/folder:',
    list(bySelf),
    ' inclusive time by package/folder (on the stack):',
    list(byInclusive),
    ' hottest functions (self):',
    list(byFunction),
  ].join('\n');
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) console.log(summarizeCpuProfile(file));
}
