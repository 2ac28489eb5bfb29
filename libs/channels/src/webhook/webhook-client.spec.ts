import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWebhook, isRetriable, type WebhookRequest } from './webhook-client';
import { verifyWebhook } from './webhook-signature';

describe(callWebhook.name, () => {
  let server: Server;
  let port: number;
  const seen: { signature: string; key: string; body: string }[] = [];
  const secret = 'a-secret-of-at-least-thirty-two-characters';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          signature: String(req.headers['touchpoint-signature']),
          key: String(req.headers['idempotency-key']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":7}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const request = (url: string, allowPrivate: boolean): WebhookRequest => ({
    url,
    body: '{"a":1}',
    idempotencyKey: 'tp-1',
    secret,
    timeoutMs: 2_000,
    allowPrivate,
    at: new Date(),
  });

  it.each(['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]', '[::1]', '169.254.169.254'])(
    'should refuse %s without calling it, unless private addresses are allowed',
    async (host) => {
      const before = seen.length;
      const response = await callWebhook(request(`http://${host}:${port}/hook`, false));
      expect(response).toMatchObject({ kind: 'error', error: 'blocked_address' });
      expect(isRetriable(response)).toBe(false);
      expect(seen).toHaveLength(before);
    },
  );

  it('should POST the signed body with its Idempotency-Key and parse the JSON answer', async () => {
    const response = await callWebhook(request(`http://localhost:${port}/hook`, true));
    expect(response).toEqual({ kind: 'response', status: 201, body: { id: 7 } });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ key: 'tp-1', body: '{"a":1}' });
    expect(verifyWebhook({ header: last.signature, body: last.body, secret, now: new Date() })).toBe(true);
    expect(verifyWebhook({ header: last.signature, body: '{"a":2}', secret, now: new Date() })).toBe(false);
  });
});
