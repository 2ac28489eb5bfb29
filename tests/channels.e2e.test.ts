import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { FakeFcm } from './fakes/fake-fcm';
import {
  FakePushService,
  createSubscriptionKeys,
  decryptPushPayload,
  type SubscriptionKeys,
} from './fakes/fake-push-service';
import { FakeSendGrid } from './fakes/fake-sendgrid';
import { FakeTwilio } from './fakes/fake-twilio';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface TouchpointItem {
  id: string;
  stepId: string;
  channel: string;
  status: string;
  to: string;
  provider: string | null;
  providerMessageId: string | null;
  deliveredAt: string | null;
  error: string | null;
  errorMessage: string | null;
  events: { status: string; at: string }[];
}
interface CustomerView {
  consent: Record<string, boolean>;
  fcmTokens: string[];
}

const TWILIO = { accountSid: `AC${'c3'.repeat(16)}`, authToken: 'e2e-twilio-auth-token' };
const SENDGRID_KEY = 'SG.e2e-test-key';
const FCM = { projectId: 'touchpoint-e2e', accessToken: 'ya29.e2e-access-token' };
const FROM = '+15005550006';

const cartJourney = {
  name: 'Cart abandonment, SMS then email',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  exitOn: ['order_completed'],
  steps: [
    { id: 'wait', type: 'wait', duration: 'PT1S' },
    {
      id: 'sms',
      type: 'send',
      channel: 'sms',
      template: { body: "{{ customer.attributes.firstName | default: 'Hi' }}, your cart is waiting: CART10" },
    },
    {
      id: 'email',
      type: 'send',
      channel: 'email',
      template: {
        subject: 'Your cart is waiting',
        html: '<p>Hi {{ customer.attributes.firstName }}, your cart is waiting: CART10</p>',
        locales: {
          fa: {
            subject: 'سبد خرید شما منتظر است',
            html: '<p>{{ customer.attributes.firstName }}، سبد خرید شما منتظر است 🛒</p><p><a href="{{ unsubscribe.url }}">لغو اشتراک</a></p>',
          },
        },
      },
    },
  ],
};

const deliveryJourney = {
  name: 'Order shipped, push then SMS',
  stage: 'purchase',
  transactional: true,
  trigger: { event: 'order_shipped' },
  steps: [
    {
      id: 'ship-push',
      type: 'send',
      channel: 'push',
      template: {
        title: 'Your order is on its way 🚚',
        body: 'Order {{ event.properties.orderId }} arrives tomorrow',
        url: 'https://shop.example/orders/{{ event.properties.orderId }}',
      },
    },
    {
      id: 'ship-sms',
      type: 'send',
      channel: 'sms',
      template: { body: 'Order {{ event.properties.orderId }} has shipped' },
    },
  ],
};

describe('real channels end to end: Twilio, SendGrid, Web Push and FCM through their SDKs to local fakes', () => {
  let tp: TouchpointHarness;
  let twilioFake: FakeTwilio;
  let sendgrid: FakeSendGrid;
  let pushService: FakePushService;
  let fcm: FakeFcm;
  let webhookKey: KeyObject;
  let caDir: string;
  let seq = 0;
  const phone = () => `+1415555${String(1000 + seq++).padStart(4, '0')}`;

  const touchpoints = async (customerId: string) =>
    (await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
      .items;
  const touchpointOf = (customerId: string, stepId: string) =>
    touchpoints(customerId).then((items) => items.find((t) => t.stepId === stepId));
  const untilStatus = (customerId: string, stepId: string, status: string) =>
    waitFor(`the ${stepId} touchpoint of ${customerId} to be ${status}`, async () => {
      const t = await touchpointOf(customerId, stepId);
      return t?.status === status && t;
    });
  const customer = async (id: string, body: Record<string, unknown>) => {
    const res = await tp.request<CustomerView>('PUT', `/v1/customers/${id}`, body);
    expect(res.status).toBe(200);
    return res.body;
  };
  const customerView = async (id: string) =>
    (await tp.request<CustomerView>('GET', `/v1/customers/${id}`)).body;
  const event = async (customerId: string, name: string, properties: Record<string, unknown> = {}) => {
    const res = await tp.request('POST', '/v1/events', { customerId, name, properties });
    expect(res.status).toBe(202);
  };
  const smsTo = (to: string) => twilioFake.messages.filter((m) => m.to === to);
  const postSendGrid = (events: unknown[], key = webhookKey, timestamp?: string) =>
    FakeSendGrid.postSignedEvents(`${tp.url}/webhooks/sendgrid/events`, events, key, timestamp);

  beforeAll(async () => {
    twilioFake = await FakeTwilio.start(TWILIO);
    sendgrid = await FakeSendGrid.start({ apiKey: SENDGRID_KEY });
    const vapid = webpush.generateVAPIDKeys();
    pushService = await FakePushService.start({ vapidPublicKey: vapid.publicKey });
    fcm = await FakeFcm.start(FCM);
    caDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-push-ca-'));
    writeFileSync(path.join(caDir, 'ca.pem'), pushService.ca);
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    webhookKey = keys.privateKey;

    tp = await TouchpointHarness.start({
      publicBaseUrl: true,
      env: {
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM: FROM,
        TWILIO_API_BASE_URL: twilioFake.url,
        SENDGRID_API_KEY: SENDGRID_KEY,
        SENDGRID_FROM: 'shop@example.com',
        SENDGRID_API_BASE_URL: sendgrid.url,
        // As SendGrid's dashboard shows it: base64 DER, no PEM framing.
        SENDGRID_WEBHOOK_PUBLIC_KEY: keys.publicKey
          .export({ type: 'spki', format: 'der' })
          .toString('base64'),
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:ops@shop.example',
        WEB_PUSH_CA_FILE: path.join(caDir, 'ca.pem'),
        FCM_PROJECT_ID: FCM.projectId,
        FCM_ACCESS_TOKEN: FCM.accessToken,
        FCM_API_BASE_URL: fcm.url,
        SEND_TIMEOUT_MS: '1000',
      },
    });
    for (const journey of [cartJourney, deliveryJourney]) {
      expect((await tp.request('POST', '/v1/journeys', journey)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await tp?.close();
    await Promise.all([twilioFake?.close(), sendgrid?.close(), pushService?.close(), fcm?.close()]);
    if (caDir) rmSync(caDir, { recursive: true, force: true });
  });

  describe('the cart journey', () => {
    it('should send the SMS through Twilio and reach delivered from signed status callbacks, never going back', async () => {
      const to = phone();
      await customer('c-cart', {
        phone: to,
        email: 'maryam@example.com',
        locale: 'fa-IR',
        attributes: { firstName: 'مریم' },
        consent: { sms: true, email: true },
      });
      await event('c-cart', 'cart_abandoned');

      const sent = await untilStatus('c-cart', 'sms', 'sent');
      const [message] = smsTo(to);
      expect(message).toMatchObject({
        from: FROM,
        body: 'مریم, your cart is waiting: CART10',
        encoding: 'UCS-2',
      });
      expect(sent).toMatchObject({ provider: 'twilio', providerMessageId: message.sid });
      expect(message.statusCallback).toBe(`${tp.url}/webhooks/twilio/status?touchpointId=${sent.id}`);

      expect((await twilioFake.sendStatusCallback(message.sid, 'sent')).status).toBe(204);
      expect((await twilioFake.sendStatusCallback(message.sid, 'delivered')).status).toBe(204);
      const delivered = await untilStatus('c-cart', 'sms', 'delivered');
      expect(delivered.deliveredAt).not.toBeNull();
      // A late `sent` (callbacks can arrive out of order) never overwrites `delivered`.
      expect((await twilioFake.sendStatusCallback(message.sid, 'sent')).status).toBe(204);
      const after = await touchpointOf('c-cart', 'sms');
      expect(after?.status).toBe('delivered');
      expect(after?.events.map((e) => e.status)).toEqual(['scheduled', 'sending', 'sent', 'delivered']);
    });

    it('should send the email through SendGrid and reach delivered then opened from signed events, once each', async () => {
      const email = await untilStatus('c-cart', 'email', 'sent');
      const mail = await waitFor('the mail at the fake', async () =>
        sendgrid.mails.find((m) => m.customArgs.touchpointId === email.id),
      );
      expect(mail.to).toEqual(['maryam@example.com']);
      expect(mail.subject).toBe('سبد خرید شما منتظر است');
      expect(mail.html).toContain('dir="rtl"');
      expect(mail.customArgs).toEqual({ touchpointId: email.id });
      expect(email.providerMessageId).toBe(mail.messageId);

      const events = [sendgrid.event(mail.messageId, 'delivered'), sendgrid.event(mail.messageId, 'open')];
      const res = await postSendGrid(events);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ applied: 2, duplicate: 0 });
      const opened = await untilStatus('c-cart', 'email', 'opened');
      expect(opened.deliveredAt).not.toBeNull();
      expect(opened.events.map((e) => e.status)).toEqual([
        'scheduled',
        'sending',
        'sent',
        'delivered',
        'opened',
      ]);
      // The open's time is SendGrid's, not ours.
      expect(Date.parse(opened.events[4].at)).toBe((events[1].timestamp as number) * 1000);

      // SendGrid redelivers a batch it is not sure we got: the same sg_event_ids change nothing.
      const again = await postSendGrid(events);
      expect(await again.json()).toMatchObject({ applied: 0, duplicate: 2 });
      expect((await touchpointOf('c-cart', 'email'))?.events).toHaveLength(5);
      // A second open is a new engagement: recorded, and the status stays.
      await postSendGrid([sendgrid.event(mail.messageId, 'open')]);
      const twice = await touchpointOf('c-cart', 'email');
      expect(twice?.status).toBe('opened');
      expect(twice?.events.map((e) => e.status).filter((s) => s === 'opened')).toHaveLength(2);
    });

    it('should put a signed one-click unsubscribe link in the email that revokes email consent', async () => {
      const email = (await touchpointOf('c-cart', 'email'))!;
      const mail = sendgrid.mails.find((m) => m.customArgs.touchpointId === email.id)!;
      expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      const link = /^<(.+)>$/.exec(String(mail.headers['List-Unsubscribe']))![1];
      expect(link).toMatch(new RegExp(`^${tp.url}/unsubscribe/${email.id}\\?sig=[\\w-]{43}$`));
      // The same link in the footer, for readers whose mail client shows no unsubscribe button.
      expect(mail.html).toContain(`<a href="${link}">لغو اشتراک</a>`);

      const page = await fetch(link);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<html lang="fa" dir="rtl">');
      expect(html).toContain('<form method="post"');
      expect((await customerView('c-cart')).consent.email).toBe(true);

      const tampered = await fetch(
        link.replace(/sig=./, (m) => (m.endsWith('A') ? 'sig=B' : 'sig=A')),
        {
          method: 'POST',
        },
      );
      expect(tampered.status).toBe(403);
      expect((await customerView('c-cart')).consent.email).toBe(true);

      // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` to the link.
      const done = await fetch(link, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(done.status).toBe(200);
      expect((await customerView('c-cart')).consent.email).toBe(false);
      expect((await touchpointOf('c-cart', 'email'))?.status).toBe('unsubscribed');
    });
  });

  describe('the delivery journey', () => {
    let browser: SubscriptionKeys;

    it('should push through Web Push over TLS, encrypted for the subscription, then text through Twilio', async () => {
      browser = createSubscriptionKeys();
      const endpoint = pushService.endpoint();
      const to = phone();
      await customer('c-ship', {
        phone: to,
        pushSubscriptions: [{ endpoint, keys: { p256dh: browser.p256dh, auth: browser.auth } }],
        consent: { sms: true, push: true },
      });
      await event('c-ship', 'order_shipped', { orderId: 'A-1001' });

      const push = await untilStatus('c-ship', 'ship-push', 'sent');
      expect(push).toMatchObject({ provider: 'web-push', to: endpoint });
      const request = pushService.requests.find((r) => endpoint.endsWith(r.subscriptionId))!;
      expect(JSON.parse(decryptPushPayload(request.body, browser))).toEqual({
        title: 'Your order is on its way 🚚',
        body: 'Order A-1001 arrives tomorrow',
        url: 'https://shop.example/orders/A-1001',
        tag: push.id,
      });
      expect(request.headers.topic).toBe(push.id.replaceAll('-', ''));
      await untilStatus('c-ship', 'ship-sms', 'sent');
      expect(smsTo(to).map((m) => m.body)).toEqual(['Order A-1001 has shipped']);
    });

    it('should push to a mobile app through FCM, and remove a token FCM reports unregistered', async () => {
      const token = `fcm-e2e-${randomBytes(8).toString('hex')}:APA91b-live`;
      const dead = `fcm-e2e-${randomBytes(8).toString('hex')}:APA91b-gone`;
      await customer('c-app', { fcmTokens: [token], consent: { push: true } });
      await customer('c-app-gone', { fcmTokens: [dead], consent: { push: true } });
      fcm.unregister(dead);
      await event('c-app', 'order_shipped', { orderId: 'A-2002' });
      await event('c-app-gone', 'order_shipped', { orderId: 'A-3003' });

      const sent = await untilStatus('c-app', 'ship-push', 'sent');
      const message = fcm.messages.find((m) => m.token === token)!;
      expect(sent).toMatchObject({ provider: 'fcm', providerMessageId: message.name });
      expect(message).toMatchObject({
        notification: { title: 'Your order is on its way 🚚', body: 'Order A-2002 arrives tomorrow' },
        data: { touchpointId: sent.id, url: 'https://shop.example/orders/A-2002' },
      });

      const failed = await untilStatus('c-app-gone', 'ship-push', 'failed');
      expect(failed).toMatchObject({ error: 'UNREGISTERED', provider: 'fcm' });
      expect((await customerView('c-app-gone')).fcmTokens).toEqual([]);
      expect((await customerView('c-app')).fcmTokens).toEqual([token]);
    });
  });

  describe('an answer lost after the provider took the message', () => {
    // None of these providers can say afterwards what it took: the touchpoint says `unknown`, never sent twice.
    const settledUnknown = async (customerId: string, stepId: string) => {
      const unknown = await untilStatus(customerId, stepId, 'unknown');
      expect(unknown.events.map((e) => e.status)).toEqual(['scheduled', 'sending', 'unknown']);
      await tp.reconciler().tick();
      return unknown;
    };

    it.each([
      { mishap: 'take-then-reset' as const, code: 'network' },
      { mishap: { answerAfterMs: 2_000 }, code: 'timeout' },
    ])(
      'should leave an email SendGrid took ($code) unknown, one mail at SendGrid',
      async ({ mishap, code }) => {
        const id = `c-mail-lost-${seq++}`;
        await customer(id, { email: `${id}@example.com`, consent: { email: true } });
        sendgrid.mishapNext(1, mishap);
        await event(id, 'cart_abandoned');

        const unknown = await settledUnknown(id, 'email');
        expect(unknown).toMatchObject({ provider: 'sendgrid', error: code });
        expect(sendgrid.mails.filter((m) => m.to.includes(`${id}@example.com`))).toHaveLength(1);
        const metrics = await fetch(`${tp.url}/metrics`).then((r) => r.text());
        expect(metrics).toMatch(
          /^touchpoint_settled_sends_total\{channel="email",provider="sendgrid",outcome="unknown"\} [1-9]/m,
        );
      },
    );

    it('should leave a web push the service took unknown, one message, under the touchpoint’s topic', async () => {
      const keys = createSubscriptionKeys();
      const endpoint = pushService.endpoint();
      await customer('c-push-lost', {
        pushSubscriptions: [{ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } }],
        consent: { push: true },
      });
      pushService.mishapNext(1, 'take-then-reset');
      await event('c-push-lost', 'order_shipped', { orderId: 'A-4004' });

      const unknown = await settledUnknown('c-push-lost', 'ship-push');
      const taken = pushService.accepted.filter((r) => endpoint.endsWith(r.subscriptionId));
      expect(taken).toHaveLength(1);
      expect(taken[0].headers.topic).toBe(unknown.id.replaceAll('-', ''));
    });

    it('should leave an app push FCM took unknown, one message, collapsing on the touchpoint', async () => {
      const token = `fcm-e2e-${randomBytes(8).toString('hex')}:APA91b-slow`;
      await customer('c-app-lost', { fcmTokens: [token], consent: { push: true } });
      fcm.mishapNext(1, { answerAfterMs: 2_000 });
      await event('c-app-lost', 'order_shipped', { orderId: 'A-5005' });

      const unknown = await settledUnknown('c-app-lost', 'ship-push');
      const taken = fcm.messages.filter((m) => m.token === token);
      expect(taken).toHaveLength(1);
      expect(taken[0].android).toMatchObject({ collapse_key: unknown.id });
      expect(taken[0].apns).toEqual({ headers: { 'apns-collapse-id': unknown.id } });
    });
  });

  describe('STOP', () => {
    it('should revoke SMS consent on a STOP reply, so the next SMS is suppressed, and restore it on START', async () => {
      const to = phone();
      await customer('c-stop', { phone: to, consent: { sms: true } });
      await customer('c-stop-twin', { phone: to, consent: { sms: true } });
      await event('c-stop', 'order_shipped', { orderId: 'A-4004' });
      await untilStatus('c-stop', 'ship-sms', 'sent');
      expect(smsTo(to)).toHaveLength(1);

      const reply = await twilioFake.sendInboundSms(`${tp.url}/webhooks/twilio/inbound`, to, ' stop ');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(await reply.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      // Every customer with that number.
      expect((await customerView('c-stop')).consent.sms).toBe(false);
      expect((await customerView('c-stop-twin')).consent.sms).toBe(false);

      await event('c-stop', 'cart_abandoned');
      const suppressed = await untilStatus('c-stop', 'sms', 'suppressed');
      expect(suppressed.error).toBe('no_consent');
      expect(smsTo(to)).toHaveLength(1);

      await twilioFake.sendInboundSms(`${tp.url}/webhooks/twilio/inbound`, to, 'START');
      expect((await customerView('c-stop')).consent.sms).toBe(true);
    });

    it('should leave consent alone for an ordinary reply', async () => {
      const to = phone();
      await customer('c-chatty', { phone: to, consent: { sms: true } });
      const reply = await twilioFake.sendInboundSms(
        `${tp.url}/webhooks/twilio/inbound`,
        to,
        'please stop by tomorrow',
      );
      expect(reply.status).toBe(200);
      expect((await customerView('c-chatty')).consent.sms).toBe(true);
    });
  });

  describe('a missing or wrong signature', () => {
    const expectForbidden = async (res: Response) => {
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({
        status: 403,
        type: expect.stringMatching(/invalid-signature$/),
      });
    };

    it('should answer 403 to a forged Twilio status callback and change nothing', async () => {
      const to = phone();
      await customer('c-forged', { phone: to, consent: { sms: true } });
      await event('c-forged', 'order_shipped', { orderId: 'A-5005' });
      const sent = await untilStatus('c-forged', 'ship-sms', 'sent');
      const [message] = smsTo(to);
      const url = message.statusCallback!;
      const params = { AccountSid: TWILIO.accountSid, MessageSid: message.sid, MessageStatus: 'delivered' };
      const post = (headers: Record<string, string>, body = params) =>
        fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams(body).toString(),
        });

      await expectForbidden(await post({}));
      await expectForbidden(
        await post({ 'X-Twilio-Signature': twilio.getExpectedTwilioSignature('not-the-token', url, params) }),
      );
      // Signed for one body, sent with another.
      const signature = twilio.getExpectedTwilioSignature(TWILIO.authToken, url, params);
      await expectForbidden(
        await post({ 'X-Twilio-Signature': signature }, { ...params, MessageStatus: 'failed' }),
      );
      // Signed for another URL (another touchpoint's callback).
      await expectForbidden(
        await post({
          'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TWILIO.authToken, `${url}0`, params),
        }),
      );
      const after = await touchpointOf('c-forged', 'ship-sms');
      expect(after).toMatchObject({ status: 'sent', events: sent.events });

      const inbound = await twilioFake.sendInboundSms(`${tp.url}/webhooks/twilio/inbound`, to, 'STOP', {
        authToken: 'not-the-token',
      });
      await expectForbidden(inbound);
      expect((await customerView('c-forged')).consent.sms).toBe(true);
    });

    it('should answer 403 to a SendGrid post signed by another key, tampered, replayed late or unsigned', async () => {
      await customer('c-sg-forged', { email: 'forged@example.com', consent: { email: true } });
      await event('c-sg-forged', 'cart_abandoned');
      const sent = await untilStatus('c-sg-forged', 'email', 'sent');
      const mail = sendgrid.mails.find((m) => m.customArgs.touchpointId === sent.id)!;
      const events = [
        sendgrid.event(mail.messageId, 'bounce', { reason: '550 no such user', type: 'bounce' }),
      ];
      const receipts = await tp.count('webhook_receipts');

      const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
      await expectForbidden(await postSendGrid(events, otherKey));
      const stale = String(Math.floor(Date.now() / 1000) - 20 * 60);
      await expectForbidden(await postSendGrid(events, webhookKey, stale));
      const timestamp = String(Math.floor(Date.now() / 1000));
      const { sign } = await import('node:crypto');
      const signature = sign('sha256', Buffer.from(timestamp + JSON.stringify(events)), webhookKey).toString(
        'base64',
      );
      const tampered = JSON.stringify([{ ...events[0], event: 'delivered' }]);
      await expectForbidden(
        await fetch(`${tp.url}/webhooks/sendgrid/events`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Twilio-Email-Event-Webhook-Signature': signature,
            'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
          },
          body: tampered,
        }),
      );
      await expectForbidden(
        await fetch(`${tp.url}/webhooks/sendgrid/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(events),
        }),
      );
      expect(await touchpointOf('c-sg-forged', 'email')).toMatchObject({
        status: 'sent',
        events: sent.events,
      });
      expect(await tp.count('webhook_receipts')).toBe(receipts);

      // The same events, properly signed, are applied: the bounce is terminal and keeps SendGrid's reason.
      expect((await postSendGrid(events)).status).toBe(200);
      expect(await untilStatus('c-sg-forged', 'email', 'bounced')).toMatchObject({
        error: 'bounce',
        errorMessage: '550 no such user',
      });
    });
  });
});
