import type { Config } from '@touchpoint/core';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitGuard } from '../apps/api/src/http/rate-limit.guard';
import { freePort, TouchpointHarness } from './support/touchpoint-harness';

describe('rate limits per key and route class, counted in Redis', () => {
  let tp: TouchpointHarness;
  let ingest: string;
  let marketer: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({
      withWorker: false,
      env: {
        RATE_LIMIT_WRITES_PER_MINUTE: '3',
        RATE_LIMIT_READS_PER_MINUTE: '4',
        RATE_LIMIT_INGEST_PER_MINUTE: '5',
        HTTP_HEADERS_TIMEOUT_MS: '1000',
        HTTP_REQUEST_TIMEOUT_MS: '1500',
      },
    });
    // The admin key makes these two (writes): what is left of its budget stays its own.
    ingest = await tp.keyFor('ingest');
    marketer = await tp.keyFor('marketer');
  });
  afterAll(() => tp?.close());

  it('should answer 429 problem+json with Retry-After and the RateLimit headers once a key spends its writes', async () => {
    const body = { caps: [] };
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof tp.request>> | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await tp.request('PUT', '/v1/settings/frequency-caps', body, { key: marketer });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(last?.body).toMatchObject({ status: 429, type: expect.stringContaining('rate-limited') });
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last?.headers.get('ratelimit-policy')).toBe('"writes";q=3;w=60');
    expect(last?.headers.get('ratelimit')).toMatch(/^"writes";r=0;t=\d+$/);
  });

  it('should count each route class apart, and each key apart', async () => {
    // The marketer spent its writes above; its reads are untouched.
    const read = await tp.request('GET', '/v1/journeys', undefined, { key: marketer });
    expect(read.status).toBe(200);
    expect(read.headers.get('ratelimit')).toMatch(/^"reads";r=3;t=\d+$/);
    // Another key's ingest budget is its own.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (await tp.request('POST', '/v1/events', { customerId: 'c-1', name: 'x' }, { key: ingest })).status,
      );
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('should share the count between API processes through Redis', async () => {
    const other = await TouchpointHarness.start({
      withWorker: false,
      env: {
        DATABASE_URL: tp.config.DATABASE_URL as string,
        QUEUE_PREFIX: tp.config.QUEUE_PREFIX,
        RATE_LIMIT_INGEST_PER_MINUTE: '5',
      },
    });
    try {
      // The ingest key spent all five above, on the first process.
      const res = await other.request(
        'POST',
        '/v1/events',
        { customerId: 'c-1', name: 'x' },
        { key: ingest },
      );
      expect(res.status).toBe(429);
    } finally {
      await other.app.close();
    }
  });

  it('should let requests through at once when Redis does not answer', async () => {
    const port = await freePort();
    const config = { ...tp.config, REDIS_URL: `redis://127.0.0.1:${port}` } as Config;
    const sut = new RateLimitGuard(config);
    const req = { caller: { keyId: 'k', name: 'k', role: 'admin' }, method: 'POST', path: '/v1/events' };
    const headers: Record<string, string> = {};
    const context = {
      switchToHttp: () => ({
        getRequest: () => req,
        getResponse: () => ({ setHeader: (k: string, v: string) => (headers[k] = v) }),
      }),
    } as never;
    await expect(sut.canActivate(context)).resolves.toBe(true);
    await sut.onModuleDestroy();
  });

  it('should close the socket of a client that trickles its headers', async () => {
    const { port } = new URL(tp.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    const closed = await new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
    });
    expect(closed).toMatch(/^HTTP\/1\.1 408/);
  });
});
