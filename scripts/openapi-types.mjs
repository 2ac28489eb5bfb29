// `npm run openapi:types`: writes the API's OpenAPI document, as the app itself generates it, to
// apps/console/src/api/openapi.json and the TypeScript types openapi-typescript makes of it to
// apps/console/src/api/schema.d.ts (both committed: a test fails when they are stale). No server listens:
// the app is created on a throwaway embedded database (it needs the Redis at REDIS_URL) and closed again.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'node_modules/.cache/touchpoint/openapi');
/** The `servers` URL of the committed document; the test serves its document with the same one. */
export const CONTRACT_BASE_URL = 'http://localhost:3000';
export const CONTRACT_DIR = path.join(root, 'apps/console/src/api');

/** The document's TypeScript, exactly as the committed schema.d.ts holds it. */
export async function typesOf(document) {
  return astToString(await openapiTS(document));
}

export function documentText(document) {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function generate() {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--out-dir', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error('the build failed');
  const require = createRequire(path.join(out, 'x.js'));
  require('reflect-metadata');
  const { loadConfig } = require(path.join(out, 'libs/core/src/index.js'));
  const { createApp } = require(path.join(out, 'apps/api/src/create-app.js'));
  const { buildOpenApiDocument } = require(path.join(out, 'apps/api/src/openapi/openapi-document.js'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-openapi-'));
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      ADMIN_API_KEY: 'openapi-types-only-0123456789',
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `{tp-openapi-${process.pid}}`,
      PUBLIC_BASE_URL: CONTRACT_BASE_URL,
    });
    const app = await createApp({ config, withWorker: false });
    try {
      return buildOpenApiDocument(app, config);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const document = await generate();
  writeFileSync(path.join(CONTRACT_DIR, 'openapi.json'), documentText(document));
  writeFileSync(path.join(CONTRACT_DIR, 'schema.d.ts'), await typesOf(document));
  console.log(`wrote ${path.relative(root, CONTRACT_DIR)}/openapi.json and schema.d.ts`);
}
