import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../apps/console/src/api/schema';
import { ADMIN_KEY, TouchpointHarness } from './support/touchpoint-harness';

const root = path.resolve(__dirname, '..');
const contractDir = path.join(root, 'apps/console/src/api');
const STALE = 'stale: run `npm run openapi:types` and commit apps/console/src/api';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
}

function operations(document: Document): { id: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([p, item]) =>
    METHODS.flatMap((m) => (item[m] ? [{ id: `${m.toUpperCase()} ${p}`, operation: item[m] }] : [])),
  );
}

describe('the OpenAPI document', () => {
  let tp: TouchpointHarness;
  let served: Document;

  beforeAll(async () => {
    // The committed document was generated with this PUBLIC_BASE_URL (scripts/openapi-types.mjs).
    tp = await TouchpointHarness.start({
      withWorker: false,
      env: { PUBLIC_BASE_URL: 'http://localhost:3000' },
    });
    served = (await tp.request<Document>('GET', '/docs/openapi.json', undefined, { key: null })).body;
  });
  afterAll(async () => {
    await tp?.close();
  });

  it('should be what apps/console/src/api/openapi.json holds, and its types what schema.d.ts holds', async () => {
    const committed = JSON.parse(readFileSync(path.join(contractDir, 'openapi.json'), 'utf8')) as Document;
    expect(served, STALE).toEqual(committed);
    const types = astToString(await openapiTS(served as never));
    expect(types === readFileSync(path.join(contractDir, 'schema.d.ts'), 'utf8'), STALE).toBe(true);
  });

  it('should pass Redocly lint with the recommended rules: no errors, only the warnings redocly.yaml explains', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(served));
      // redocly exits non-zero on errors; its JSON report on stdout says which.
      const { stdout } = await promisify(execFile)(
        path.join(root, 'node_modules/.bin/redocly'),
        ['lint', file, '--format=json', `--config=${path.join(root, 'redocly.yaml')}`],
        {
          cwd: root,
          maxBuffer: 16 * 1024 * 1024,
          // Offline and quiet: no usage report, no update check.
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; location: { pointer: string }[] }[];
      };
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.problems.map((p) => `${p.ruleId} ${p.location[0].pointer}`).sort()).toEqual([
        'operation-4xx-response #/paths/~1health/get/responses',
        'operation-4xx-response #/paths/~1metrics/get/responses',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should be OpenAPI 3.1 with a bearer key or the session cookie on every /v1 operation and `security: []` on the public ones', () => {
    expect(served.openapi).toBe('3.1.0');
    const ops = operations(served);
    for (const { id, operation } of ops) {
      expect(operation.security, id).toEqual(
        id.includes(' /v1/') && id !== 'POST /v1/session' ? [{ bearer: [] }, { session: [] }] : [],
      );
    }
    expect(
      ops
        .filter((o) => o.operation.security?.length === 0)
        .map((o) => o.id)
        .sort(),
    ).toEqual([
      'GET /health',
      'GET /metrics',
      'GET /s/{token}',
      'GET /unsubscribe/{touchpointId}',
      'POST /s/{token}',
      'POST /unsubscribe/{touchpointId}',
      'POST /v1/session',
      'POST /webhooks/sendgrid/events',
      'POST /webhooks/twilio/inbound',
      'POST /webhooks/twilio/status',
    ]);
  });

  it('should document a success for every operation and every /v1 error as the one Problem schema', () => {
    for (const { id, operation } of operations(served)) {
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        id,
      ).toBe(true);
      for (const status of statuses.filter((s) => s.startsWith('4') && id.includes(' /v1/'))) {
        expect(operation.responses[status].content, `${id} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
  });

  it('should type a client that talks to the running API', async () => {
    const client = createClient<paths>({
      baseUrl: tp.url,
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    const created = await client.POST('/v1/api-keys', { body: { name: 'typed client', role: 'analyst' } });
    expect(created.data?.role).toBe('analyst');
    const list = await client.GET('/v1/journeys', { params: { query: { limit: 5 } } });
    expect(list.data?.items).toEqual([]);
    const refused = await client.GET('/v1/journeys', { params: { query: { limit: 0 } } });
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.error).toMatchObject({ status: 400, errors: [{ path: 'limit' }] });
  });
});
