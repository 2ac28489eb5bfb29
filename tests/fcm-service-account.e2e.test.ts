import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeFcm } from './fakes/fake-fcm';
import { FakeGoogleToken } from './fakes/fake-google-token';
import { ServiceProcess, buildApps } from './support/process-stack';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface TouchpointItem {
  stepId: string;
  status: string;
  provider: string | null;
  error: string | null;
  errorMessage: string | null;
}

const PROJECT = 'touchpoint-sa-e2e';
const CLIENT_EMAIL = `touchpoint-push@${PROJECT}.iam.gserviceaccount.com`;

const appPushJourney = {
  name: 'App push',
  stage: 'purchase',
  transactional: true,
  trigger: { event: 'app_push' },
  steps: [
    {
      id: 'push',
      type: 'send',
      channel: 'push',
      template: {
        title: 'Your order shipped',
        body: 'Order {{ event.properties.orderId }} arrives tomorrow',
      },
    },
  ],
};

/**
 * The compiled worker as its own process, FCM configured with a service-account key only (the project
 * from the key, a stale FCM_ACCESS_TOKEN beside it): every line it prints is kept to look for secrets.
 */
describe('FCM with a service-account key: minted tokens, refreshed before expiry, never logged', () => {
  let google: FakeGoogleToken;
  let fcm: FakeFcm;
  let tp: TouchpointHarness;
  let worker: ServiceProcess;
  let dir: string;
  let buildDir: string;
  const lines: string[] = [];

  const pushTo = async (customerId: string, orderId: string) => {
    const token = `sa-e2e-${randomBytes(8).toString('hex')}:APA91b-live`;
    const put = await tp.request('PUT', `/v1/customers/${customerId}`, {
      fcmTokens: [token],
      consent: { push: true },
    });
    expect(put.status).toBe(200);
    const posted = await tp.request('POST', '/v1/events', {
      customerId,
      name: 'app_push',
      properties: { orderId },
    });
    expect(posted.status).toBe(202);
    return waitFor(`the push to ${customerId} to be settled`, async () => {
      const { body } = await tp.request<{ items: TouchpointItem[] }>(
        'GET',
        `/v1/customers/${customerId}/touchpoints`,
      );
      const push = body.items.find((t) => t.stepId === 'push');
      return (push?.status === 'sent' || push?.status === 'failed') && push;
    });
  };

  beforeAll(async () => {
    google = await FakeGoogleToken.start({ clientEmail: CLIENT_EMAIL, projectId: PROJECT });
    fcm = await FakeFcm.start({ projectId: PROJECT, accessToken: (t) => google.isValid(t) });
    dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-fcm-sa-'));
    const keyFile = path.join(dir, 'service-account.json');
    writeFileSync(keyFile, JSON.stringify(google.serviceAccountKey()), { mode: 0o600 });
    const env = {
      FCM_SERVICE_ACCOUNT_FILE: keyFile,
      FCM_ACCESS_TOKEN: 'ya29.stale-dev-token',
      FCM_API_BASE_URL: fcm.url,
    };
    buildDir = await buildApps(`node_modules/.cache/touchpoint/fcm-sa-${process.pid}`);
    tp = await TouchpointHarness.start({ withWorker: false, env: { ...env, FCM_PROJECT_ID: PROJECT } });
    const c = tp.config;
    worker = ServiceProcess.spawn('worker', 'fcm-worker', {
      buildDir,
      env: {
        ...env,
        DATABASE_URL: c.DATABASE_URL ?? '',
        REDIS_URL: c.REDIS_URL,
        QUEUE_PREFIX: c.QUEUE_PREFIX,
        PUBLIC_BASE_URL: tp.url,
        // Everything it would ever print.
        LOG_LEVEL: 'trace',
        SCHEDULER_TICK_MS: '250',
        RECONCILE_GRACE_MS: '2000',
      },
      onLine: (line) => lines.push(line),
    });
    await worker.waitForLine('Touchpoint worker running');
    expect((await tp.request('POST', '/v1/journeys', appPushJourney)).status).toBe(201);
  });
  afterAll(async () => {
    await worker?.stop(5_000);
    await tp?.close();
    await Promise.all([google?.close(), fcm?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it('should send with minted tokens, mint the next before one expires, fail a refused grant, log no secret', async () => {
    // Four minutes each: valid, but inside google-auth-library's five-minute eager refresh threshold.
    google.expireNextIn(240, 240);

    expect(await pushTo('c-sa-1', 'A-1')).toMatchObject({ status: 'sent', provider: 'fcm' });
    expect(await pushTo('c-sa-2', 'A-2')).toMatchObject({ status: 'sent', provider: 'fcm' });
    google.refuseNext(1);
    const refused = await pushTo('c-sa-3', 'A-3');
    expect(await pushTo('c-sa-4', 'A-4')).toMatchObject({ status: 'sent', provider: 'fcm' });

    const [first, second, third, ...more] = google.minted;
    expect(more).toEqual([]);
    expect(second.at).toBeLessThan(first.expiresAt);
    expect(third.at).toBeLessThan(second.expiresAt);
    expect(fcm.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${first.accessToken}`,
      `Bearer ${second.accessToken}`,
      `Bearer ${third.accessToken}`,
    ]);
    expect(fcm.messages.map((m) => m.notification.body)).toEqual([
      'Order A-1 arrives tomorrow',
      'Order A-2 arrives tomorrow',
      'Order A-4 arrives tomorrow',
    ]);
    expect(refused).toMatchObject({ status: 'failed', provider: 'fcm', error: 'auth' });
    expect(refused.errorMessage).toMatch(/invalid_grant: Invalid grant: account not found/);

    const keyLines = google.privateKeyPem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    const secrets = [...keyLines, ...google.minted.map((m) => m.accessToken)];
    expect(lines.some((l) => l.includes('Touchpoint worker running'))).toBe(true);
    expect(lines.filter((l) => secrets.some((secret) => l.includes(secret)))).toEqual([]);
  });
});
