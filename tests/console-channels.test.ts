import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSendGrid } from './fakes/fake-sendgrid';
import { FakeTwilio } from './fakes/fake-twilio';
import { TouchpointHarness } from './support/touchpoint-harness';

const TWILIO = { accountSid: `AC${'d4'.repeat(16)}`, authToken: 'console-twilio-auth-token' };
const SENDGRID_KEY = 'SG.console-test-key';

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}
interface ChannelSetting {
  channel: string;
  provider: string;
  mode: string;
  callbackUrls: Record<string, string>;
}

/** The settings page's channels: live through the SDKs against the local fakes, and all-sandbox. */
describe('channel settings and credential checks', () => {
  let twilio: FakeTwilio;
  let sendgrid: FakeSendGrid;
  let live: TouchpointHarness;
  let sandbox: TouchpointHarness;

  beforeAll(async () => {
    twilio = await FakeTwilio.start(TWILIO);
    sendgrid = await FakeSendGrid.start({ apiKey: SENDGRID_KEY });
    live = await TouchpointHarness.start({
      withWorker: false,
      env: {
        PUBLIC_BASE_URL: 'https://touchpoint.example.com/',
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE_URL: twilio.url,
        SENDGRID_API_KEY: SENDGRID_KEY,
        SENDGRID_FROM: 'shop@example.com',
        SENDGRID_API_BASE_URL: sendgrid.url,
      },
    });
    sandbox = await TouchpointHarness.start({ withWorker: false });
  });
  afterAll(async () => {
    await Promise.all([live?.close(), sandbox?.close()]);
    await Promise.all([twilio?.close(), sendgrid?.close()]);
  });

  it('should say which channels are live and the exact callback URLs to paste', async () => {
    const res = await live.request<{ publicBaseUrlIsLocal: boolean; channels: ChannelSetting[] }>(
      'GET',
      '/v1/settings/channels',
    );
    expect(res.status).toBe(200);
    expect(res.body.publicBaseUrlIsLocal).toBe(false);
    expect(res.body.channels).toEqual([
      {
        channel: 'sms',
        provider: 'twilio',
        mode: 'live',
        callbackUrls: {
          status: 'https://touchpoint.example.com/webhooks/twilio/status',
          inbound: 'https://touchpoint.example.com/webhooks/twilio/inbound',
        },
      },
      {
        channel: 'email',
        provider: 'sendgrid',
        mode: 'live',
        callbackUrls: { events: 'https://touchpoint.example.com/webhooks/sendgrid/events' },
      },
      { channel: 'push', provider: 'sandbox', mode: 'sandbox', callbackUrls: {} },
      {
        // No TWILIO_WHATSAPP_FROM: the sandbox, with the URLs to give the WhatsApp sender all the same.
        channel: 'whatsapp',
        provider: 'sandbox',
        mode: 'sandbox',
        callbackUrls: {
          status: 'https://touchpoint.example.com/webhooks/twilio/status',
          inbound: 'https://touchpoint.example.com/webhooks/twilio/inbound',
        },
      },
    ]);
    const none = await sandbox.request<{ publicBaseUrlIsLocal: boolean; channels: ChannelSetting[] }>(
      'GET',
      '/v1/settings/channels',
    );
    expect(none.body.channels.map((c) => c.mode)).toEqual(['sandbox', 'sandbox', 'sandbox', 'sandbox']);
    // Without PUBLIC_BASE_URL the URLs name this machine, which no provider can call.
    expect(none.body.publicBaseUrlIsLocal).toBe(true);
  });

  it('should ask Twilio and SendGrid whether the credentials are accepted, echoing no secret', async () => {
    twilio.reset();
    const sms = await live.request('POST', '/v1/settings/channels/sms/check');
    expect(sms.status).toBe(200);
    expect(sms.body).toEqual({
      channel: 'sms',
      provider: 'twilio',
      status: 'accepted',
      detail: 'the account "Touchpoint test account" is active',
    });
    expect(twilio.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /2010-04-01/Accounts/${TWILIO.accountSid}.json`,
    ]);
    const email = await live.request('POST', '/v1/settings/channels/email/check');
    expect(email.body).toEqual(expect.objectContaining({ provider: 'sendgrid', status: 'accepted' }));
    expect(JSON.stringify([sms.body, email.body])).not.toMatch(
      new RegExp(`${TWILIO.authToken}|${SENDGRID_KEY}`),
    );
    expect(twilio.messages).toEqual([]);
    expect(sendgrid.mails).toEqual([]);
  });

  it('should report a key the provider refuses, or one without mail.send', async () => {
    sendgrid.scopes = ['user.profile.read'];
    const noSend = await live.request('POST', '/v1/settings/channels/email/check');
    expect(noSend.body).toEqual(
      expect.objectContaining({ status: 'rejected', detail: 'the key has no mail.send scope' }),
    );
    sendgrid.scopes = ['mail.send'];
    const other = await FakeTwilio.start({ accountSid: TWILIO.accountSid, authToken: 'another-token' });
    const refusing = await TouchpointHarness.start({
      withWorker: false,
      env: {
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE_URL: other.url,
      },
    });
    try {
      const res = await refusing.request<{ status: string }>('POST', '/v1/settings/channels/sms/check');
      expect(res.body.status).toBe('rejected');
    } finally {
      await refusing.close();
      await other.close();
    }
  });

  it('should answer "sandbox" where nothing is configured, and name a bad channel', async () => {
    const res = await sandbox.request('POST', '/v1/settings/channels/sms/check');
    expect(res.body).toEqual(expect.objectContaining({ provider: 'sandbox', status: 'sandbox' }));
    const bad = await sandbox.request<Problem>('POST', '/v1/settings/channels/fax/check');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].path).toBe('channel');
  });

  it('should keep channel settings to admins', async () => {
    const marketer = await live.keyFor('marketer');
    expect((await live.request('GET', '/v1/settings/channels', undefined, { key: marketer })).status).toBe(
      403,
    );
    const check = await live.request('POST', '/v1/settings/channels/sms/check', undefined, { key: marketer });
    expect(check.status).toBe(403);
  });

  it('should send a test through the real provider when one is configured', async () => {
    twilio.reset();
    const res = await live.request<{ mode: string; provider: string; status: string }>(
      'POST',
      '/v1/templates/test-send',
      { channel: 'sms', template: { body: 'Test from the console' }, to: '+989350000002' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ mode: 'live', provider: 'twilio', status: 'sent' }));
    expect(twilio.messages.map((m) => [m.to, m.body])).toEqual([['+989350000002', 'Test from the console']]);
    expect(await live.count('sandbox_messages')).toBe(0);
    expect(await live.count('touchpoints')).toBe(0);
    const stored = await live.db.selectFrom('test_sends').select(['mode', 'provider_message_id']).execute();
    expect(stored).toEqual([{ mode: 'live', provider_message_id: twilio.messages[0].sid }]);
  });
});
