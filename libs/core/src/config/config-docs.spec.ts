import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from './config';

/** The variables in the README's configuration table: each `NAME` in backticks in a row's first cell. */
function documented(): string[] {
  const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| variable')));
  return [...table.matchAll(/^\|([^|]+)\|/gm)].flatMap((row) =>
    [...row[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]),
  );
}

describe('the README’s configuration table', () => {
  it('should list every variable the config reads, and none it does not', () => {
    const read = Object.keys(configSchema.shape).sort();
    expect([...new Set(documented())].sort()).toEqual(read);
  });
});
