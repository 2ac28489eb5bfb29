import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeFcm, fcmError } from '../../../../tests/fakes/fake-fcm';
import { LOST_ANSWERS } from '../../../../tests/fakes/fake-http';
import type { OutboundMessage } from '../channel.port';
import { fcmAddress, fcmTokenOf } from './fcm-address';
import { FcmPushAdapter, mapFcmError } from './fcm-push.adapter';

const projectId = 'touchpoint-test';
const accessToken = 'ya29.test-access-token';
const token = `dGVzdC10b2tlbg:APA91b${'x'.repeat(40)}`;

function push(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    touchpointId: 'tp-1',
    customerId: 'c-42',
    to: fcmAddress(token),
    fcmToken: token,
    locale: 'he',
    direction: 'rtl',
    message: {
      channel: 'push',
      title: 'ההזמנה שלך בדרך 🚚',
      body: 'تحویل فردا',
      url: 'https://shop.example/o/9',
    },
    ...overrides,
  };
}

describe(FcmPushAdapter.name, () => {
  let fake: FakeFcm;
  let sut: FcmPushAdapter;

  beforeAll(async () => {
    fake = await FakeFcm.start({ projectId, accessToken });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    sut = new FcmPushAdapter({ projectId, accessToken, apiBaseUrl: fake.url });
  });

  it('should post an HTTP v1 message with the bearer token, the notification and string data', async () => {
    const result = await sut.send(push());

    expect(result).toEqual({ ok: true, provider: 'fcm', providerMessageId: fake.messages[0].name });
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/v1/projects/${projectId}/messages:send`);
    expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(fake.messages[0]).toEqual({
      name: expect.stringMatching(/^projects\/touchpoint-test\/messages\//),
      token,
      notification: { title: 'ההזמנה שלך בדרך 🚚', body: 'تحویل فردا' },
      data: { touchpointId: 'tp-1', url: 'https://shop.example/o/9' },
      android: { ttl: '86400s', collapse_key: 'tp-1', notification: { tag: 'tp-1' } },
      apns: { headers: { 'apns-collapse-id': 'tp-1' } },
    });
  });

  it('should ask a token source for a current access token on each send', async () => {
    let calls = 0;
    sut = new FcmPushAdapter({
      projectId,
      accessToken: () => Promise.resolve((calls++, accessToken)),
      apiBaseUrl: `${fake.url}/`,
    });

    expect(await sut.send(push())).toMatchObject({ ok: true });
    expect(await sut.send(push())).toMatchObject({ ok: true });
    expect(calls).toBe(2);
  });

  it('should map UNREGISTERED to a permanent failure that removes the token', async () => {
    fake.unregister(token);

    expect(await sut.send(push())).toEqual({
      ok: false,
      provider: 'fcm',
      kind: 'permanent',
      code: 'UNREGISTERED',
      message: 'Requested entity was not found.',
      revoke: 'subscription',
    });
  });

  it('should remove a malformed token (INVALID_ARGUMENT on message.token) but keep it for other bad arguments', async () => {
    const bad = await sut.send(push({ fcmToken: 'no spaces allowed', to: fcmAddress('no spaces allowed') }));
    expect(bad).toMatchObject({ kind: 'permanent', code: 'INVALID_ARGUMENT', revoke: 'subscription' });

    fake.failNext(
      1,
      400,
      fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'Invalid value at message.android.ttl'),
    );
    const other = await sut.send(push());
    expect(other).toMatchObject({ kind: 'permanent', code: 'INVALID_ARGUMENT' });
    expect(other).not.toHaveProperty('revoke');
  });

  it('should map QUOTA_EXCEEDED to a rate limit with the Retry-After wait', async () => {
    fake.failNext(1, 429, fcmError(429, 'RESOURCE_EXHAUSTED', 'QUOTA_EXCEEDED', 'Quota exceeded'), {
      'Retry-After': '9',
    });

    expect(await sut.send(push())).toMatchObject({
      kind: 'transient',
      code: 'QUOTA_EXCEEDED',
      retryAfterMs: 9_000,
    });
  });

  it('should map UNAVAILABLE and INTERNAL to transient failures', async () => {
    fake.failNext(
      1,
      503,
      fcmError(503, 'UNAVAILABLE', 'UNAVAILABLE', 'The service is currently unavailable.'),
    );
    expect(await sut.send(push())).toMatchObject({ kind: 'transient', code: 'UNAVAILABLE' });
    fake.failNext(1, 500);
    expect(await sut.send(push())).toMatchObject({ kind: 'transient', code: 'INTERNAL' });
  });

  it('should map a rejected access token and a wrong project to permanent failures', async () => {
    sut = new FcmPushAdapter({ projectId, accessToken: 'expired', apiBaseUrl: fake.url });
    expect(await sut.send(push())).toMatchObject({ kind: 'permanent', code: 'auth' });

    sut = new FcmPushAdapter({ projectId: 'another-project', accessToken, apiBaseUrl: fake.url });
    expect(await sut.send(push())).toMatchObject({
      kind: 'permanent',
      code: 'SENDER_ID_MISMATCH',
      revoke: 'subscription',
    });
  });

  it('should refuse a message without a token, or for another channel, without calling FCM', async () => {
    expect(await sut.send(push({ fcmToken: undefined }))).toMatchObject({
      kind: 'permanent',
      code: 'no_token',
    });
    expect(await sut.send(push({ message: { channel: 'sms', body: 'x' } }))).toMatchObject({
      kind: 'permanent',
      code: 'wrong_channel',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('should retry a refused connection: nothing was written', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    sut = new FcmPushAdapter({ projectId, accessToken, apiBaseUrl: `http://127.0.0.1:${port}` });
    expect(await sut.send(push())).toMatchObject({ kind: 'transient', code: 'network' });
  });

  it.each(LOST_ANSWERS)(
    'should hold a message FCM took but whose answer was lost ($code) in doubt',
    async ({ mishap, code }) => {
      sut = new FcmPushAdapter({ projectId, accessToken, apiBaseUrl: fake.url, timeoutMs: 200 });
      fake.mishapNext(1, mishap);

      expect(await sut.send(push())).toMatchObject({ ok: false, kind: 'in_doubt', code });
      expect(fake.messages).toHaveLength(1);
      expect(fake.messages[0].android).toMatchObject({ collapse_key: 'tp-1' });
    },
  );

  it('should retry INTERNAL and UNAVAILABLE, which FCM documents as not processed', () => {
    const body = (status: string) => JSON.stringify({ error: { code: 500, message: 'm', status } });
    expect(mapFcmError(500, body('INTERNAL'))).toMatchObject({ kind: 'transient', code: 'INTERNAL' });
    expect(mapFcmError(503, body('UNAVAILABLE'))).toMatchObject({ kind: 'transient', code: 'UNAVAILABLE' });
  });
});

describe(mapFcmError.name, () => {
  it('should fall back on the HTTP status when the body is not FCM JSON', () => {
    expect(mapFcmError(502, '<html>bad gateway</html>')).toMatchObject({
      kind: 'in_doubt',
      code: 'http_502',
    });
    expect(mapFcmError(404, '')).toMatchObject({ kind: 'permanent', code: 'http_404' });
  });
});

describe(fcmTokenOf.name, () => {
  it('should tell an FCM address from a Web Push endpoint', () => {
    expect(fcmTokenOf(fcmAddress('abc:def'))).toBe('abc:def');
    expect(fcmTokenOf('https://push.example/abc')).toBeUndefined();
  });
});
