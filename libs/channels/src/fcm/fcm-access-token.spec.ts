import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeFcm } from '../../../../tests/fakes/fake-fcm';
import { FakeGoogleToken } from '../../../../tests/fakes/fake-google-token';
import type { OutboundMessage } from '../channel.port';
import { fcmAddress } from './fcm-address';
import { FCM_SCOPE, serviceAccountAccessToken, type ServiceAccountCredentials } from './fcm-access-token';
import { FcmPushAdapter } from './fcm-push.adapter';

const projectId = 'touchpoint-sa-test';
const clientEmail = 'touchpoint-push@touchpoint-sa-test.iam.gserviceaccount.com';
const token = `c2EtdGVzdA:APA91b${'s'.repeat(40)}`;

const push = (touchpointId: string): OutboundMessage => ({
  touchpointId,
  customerId: 'c-sa',
  to: fcmAddress(token),
  fcmToken: token,
  locale: 'en',
  direction: 'ltr',
  message: { channel: 'push', title: 'Your order shipped', body: 'Arriving tomorrow' },
});

/** The key file's fields as the worker reads them (readServiceAccountKey). */
const credentialsOf = (key: Record<string, string>): ServiceAccountCredentials => ({
  clientEmail: key.client_email,
  privateKey: key.private_key,
  privateKeyId: key.private_key_id,
  tokenUri: key.token_uri,
});

describe(serviceAccountAccessToken.name, () => {
  let google: FakeGoogleToken;
  let fcm: FakeFcm;
  let sut: FcmPushAdapter;
  const bearers = () => fcm.requests.map((r) => r.headers.authorization);
  const send = (touchpointId: string) => sut.send(push(touchpointId));

  beforeAll(async () => {
    google = await FakeGoogleToken.start({ clientEmail, projectId });
    fcm = await FakeFcm.start({ projectId, accessToken: (t) => google.isValid(t) });
  });
  afterAll(() => Promise.all([google.close(), fcm.close()]));
  beforeEach(() => {
    fcm.reset();
    sut = new FcmPushAdapter({
      projectId,
      apiBaseUrl: fcm.url,
      accessToken: serviceAccountAccessToken(credentialsOf(google.serviceAccountKey())),
    });
  });

  it('should mint a token for the firebase.messaging scope from the key, and reuse it while it is fresh', async () => {
    const before = google.minted.length;

    expect(await send('tp-sa-1')).toMatchObject({ ok: true, provider: 'fcm' });
    expect(await send('tp-sa-2')).toMatchObject({ ok: true, provider: 'fcm' });

    const minted = google.minted.slice(before);
    expect(minted).toHaveLength(1);
    expect(minted[0].scope).toBe(FCM_SCOPE);
    expect(bearers()).toEqual([`Bearer ${minted[0].accessToken}`, `Bearer ${minted[0].accessToken}`]);
  });

  it('should mint a new token before the old one expires, within the eager refresh threshold', async () => {
    const before = google.minted.length;
    // Four minutes: still valid, but inside google-auth-library's five-minute eager refresh threshold.
    google.expireNextIn(240);

    await send('tp-sa-3');
    const [first] = google.minted.slice(before);
    await send('tp-sa-4');
    await send('tp-sa-5');

    const [, second] = google.minted.slice(before);
    expect(google.minted.slice(before)).toHaveLength(2);
    expect(second.at).toBeLessThan(first.expiresAt);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(bearers()).toEqual([
      `Bearer ${first.accessToken}`,
      `Bearer ${second.accessToken}`,
      `Bearer ${second.accessToken}`,
    ]);
    expect(fcm.messages).toHaveLength(3);
  });

  it('should fail the send, naming the refusal and never the key, when the token endpoint refuses the key', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const key = google.serviceAccountKey(stranger);
    sut = new FcmPushAdapter({
      projectId,
      apiBaseUrl: fcm.url,
      accessToken: serviceAccountAccessToken(credentialsOf(key)),
    });

    const result = await send('tp-sa-6');

    expect(result).toMatchObject({ ok: false, provider: 'fcm', kind: 'permanent', code: 'auth' });
    expect(JSON.stringify(result)).toContain('invalid_grant: Invalid JWT Signature');
    expect(JSON.stringify(result)).not.toContain(key.private_key.split('\n')[1]);
    expect(fcm.requests).toHaveLength(0);
  });

  it('should share one mint between sends that find no fresh token at once', async () => {
    const before = google.minted.length;

    const results = await Promise.all(['tp-sa-7', 'tp-sa-8', 'tp-sa-9', 'tp-sa-10'].map(send));

    expect(results.every((r) => r.ok)).toBe(true);
    const minted = google.minted.slice(before);
    expect(minted).toHaveLength(1);
    expect(new Set(bearers())).toEqual(new Set([`Bearer ${minted[0].accessToken}`]));
  });

  it('should leave a send to retry when the token endpoint cannot be reached, FCM never called', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const key = { ...google.serviceAccountKey(), token_uri: `http://127.0.0.1:${port}/token` };
    sut = new FcmPushAdapter({
      projectId,
      apiBaseUrl: fcm.url,
      accessToken: serviceAccountAccessToken(credentialsOf(key)),
    });

    const result = await send('tp-sa-11');

    expect(result).toMatchObject({ ok: false, kind: 'transient', code: 'token_unavailable' });
    expect(fcm.requests).toHaveLength(0);
  });
});
