import { Agent } from 'node:https';
import { type Server, type Socket, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import webpush from 'web-push';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FakePushService,
  type SubscriptionKeys,
  createSubscriptionKeys,
  decryptPushPayload,
} from '../../../../tests/fakes/fake-push-service';
import { LOST_ANSWERS } from '../../../../tests/fakes/fake-http';
import type { OutboundMessage, RenderedPush } from '../channel.port';
import { WebPushAdapter, type WebPushConfig } from './web-push.adapter';

const vapid = webpush.generateVAPIDKeys();
const subject = 'mailto:ops@touchpoint.example';

describe(WebPushAdapter.name, () => {
  let fake: FakePushService;
  let agent: Agent;
  let keys: SubscriptionKeys;
  let endpoint: string;
  let sut: WebPushAdapter;
  const config = (extra: Partial<WebPushConfig> = {}): WebPushConfig => ({
    vapidPublicKey: vapid.publicKey,
    vapidPrivateKey: vapid.privateKey,
    subject,
    agent,
    ...extra,
  });
  const push = (
    overrides: Partial<RenderedPush> = {},
    message: Partial<OutboundMessage> = {},
  ): OutboundMessage => ({
    touchpointId: 'tp-9',
    customerId: 'c-42',
    to: endpoint,
    subscription: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } },
    locale: 'fa',
    direction: 'rtl',
    message: {
      channel: 'push',
      title: 'Your cart',
      body: 'is waiting',
      url: 'https://shop.example/cart/9',
      ...overrides,
    },
    ...message,
  });

  beforeAll(async () => {
    fake = await FakePushService.start({ vapidPublicKey: vapid.publicKey });
    agent = new Agent({ ca: fake.ca, keepAlive: false });
  });
  afterAll(async () => {
    agent.destroy();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    keys = createSubscriptionKeys();
    endpoint = fake.endpoint();
    sut = new WebPushAdapter(config());
  });

  it('should post an encrypted payload over TLS with VAPID auth, aes128gcm and a TTL', async () => {
    const result = await sut.send(push());

    expect(result).toMatchObject({ ok: true, provider: 'web-push', details: { statusCode: 201 } });
    expect(result.ok && result.providerMessageId).toMatch(new RegExp(`^${fake.origin}/m/[0-9a-f-]{36}$`));
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(new URL(endpoint).pathname);
    expect(request.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(request.vapid).toMatchObject({
      publicKey: vapid.publicKey,
      claims: { aud: fake.origin, sub: subject },
    });
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.ttl).toBe('86400');
    // The touchpoint as topic and tag: a repeat replaces the undelivered or displayed one.
    expect(request.headers.topic).toBe('tp9');
    expect(JSON.parse(decryptPushPayload(request.body, keys))).toEqual({
      title: 'Your cart',
      body: 'is waiting',
      url: 'https://shop.example/cart/9',
      tag: 'tp-9',
    });
  });

  it('should keep Persian and Hebrew text intact through encryption and honour a configured TTL', async () => {
    sut = new WebPushAdapter(config({ ttlSeconds: 600 }));
    const title = 'سبد خرید شما 🛒';
    const body = 'مریم عزیز، ۱۰٪ تخفیف با کد CART10 — שלום';

    const result = await sut.send(push({ title, body, url: undefined }));

    expect(result.ok).toBe(true);
    expect(fake.requests[0].headers.ttl).toBe('600');
    const decrypted = decryptPushPayload(fake.requests[0].body, keys);
    expect(JSON.parse(decrypted)).toEqual({ title, body, tag: 'tp-9' });
    expect(Buffer.from(decrypted, 'utf8').includes(Buffer.from(body, 'utf8'))).toBe(true);
  });

  it('should map 410 (subscription gone) to a permanent failure that revokes the subscription', async () => {
    const id = new URL(endpoint).pathname.split('/').pop() ?? '';
    fake.expire(id);

    const result = await sut.send(push());

    expect(result).toEqual({
      ok: false,
      provider: 'web-push',
      kind: 'permanent',
      code: 'subscription_gone',
      message: 'push subscription has unsubscribed or expired.',
      revoke: 'subscription',
    });
  });

  it('should map 404 to a permanent subscription_gone as well', async () => {
    fake.failNext(1, 404, 'not found');

    expect(await sut.send(push())).toMatchObject({
      ok: false,
      kind: 'permanent',
      code: 'subscription_gone',
      revoke: 'subscription',
    });
  });

  it('should map 429 to a transient failure with retryAfterMs from Retry-After', async () => {
    fake.failNext(1, 429, 'slow down', { 'Retry-After': '4' });

    expect(await sut.send(push())).toEqual({
      ok: false,
      provider: 'web-push',
      kind: 'transient',
      code: 'rate_limited',
      message: 'slow down',
      retryAfterMs: 4000,
    });
  });

  it('should hold a 500 in doubt, and retry a 503', async () => {
    fake.failNext(1, 500, 'boom');
    expect(await sut.send(push())).toEqual({
      ok: false,
      provider: 'web-push',
      kind: 'in_doubt',
      code: 'http_500',
      message: 'boom',
    });
    fake.failNext(1, 503, 'busy');
    expect(await sut.send(push())).toMatchObject({ kind: 'transient', code: 'http_503' });
  });

  it.each(LOST_ANSWERS)(
    'should hold a message the push service took but whose answer was lost ($code) in doubt',
    async ({ mishap, code }) => {
      sut = new WebPushAdapter(config({ timeoutMs: 200 }));
      fake.mishapNext(1, mishap);

      expect(await sut.send(push())).toMatchObject({ ok: false, kind: 'in_doubt', code });
      expect(fake.accepted).toHaveLength(1);
    },
  );

  it('should map other 4xx (a VAPID key the subscription was not made with) to a permanent failure', async () => {
    const other = webpush.generateVAPIDKeys();
    sut = new WebPushAdapter(config({ vapidPublicKey: other.publicKey, vapidPrivateKey: other.privateKey }));

    const result = await sut.send(push());

    expect(result).toMatchObject({ ok: false, kind: 'permanent', code: 'http_403' });
    expect(result).not.toHaveProperty('revoke');
  });

  it('should refuse a subscription with a malformed key without calling the push service', async () => {
    const message = push();
    message.subscription = { endpoint, keys: { p256dh: 'short', auth: keys.auth } };

    expect(await sut.send(message)).toMatchObject({
      ok: false,
      kind: 'permanent',
      code: 'invalid_subscription',
      revoke: 'subscription',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('should not trust the self-signed push service without the test agent', async () => {
    sut = new WebPushAdapter(config({ agent: undefined }));

    const result = await sut.send(push());

    expect(result).toMatchObject({ ok: false, kind: 'permanent', code: 'unexpected_error' });
    expect(result.ok ? '' : result.message).toMatch(/self[- ]signed/i);
    expect(fake.requests).toHaveLength(0);
  });

  it('should retry a TLS handshake that never completes: the request was never written', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    sut = new WebPushAdapter(config({ timeoutMs: 200 }));
    const silentEndpoint = `https://127.0.0.1:${port}/push/x`;

    const result = await sut.send(
      push(
        {},
        {
          to: silentEndpoint,
          subscription: { endpoint: silentEndpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } },
        },
      ),
    );

    expect(result).toMatchObject({ ok: false, kind: 'transient', code: 'timeout' });
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('should refuse a bad VAPID configuration at construction', () => {
    expect(() => new WebPushAdapter(config({ vapidPrivateKey: 'not-a-key' }))).toThrow(/VAPID/);
    expect(() => new WebPushAdapter(config({ subject: 'ops@example.com' }))).toThrow(/VAPID/);
  });
});
