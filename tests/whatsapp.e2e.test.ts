import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from './fakes/fake-twilio';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface TouchpointItem {
  id: string;
  stepId: string;
  channel: string;
  status: string;
  provider: string | null;
  providerMessageId: string | null;
  error: string | null;
  errorMessage: string | null;
}

const TWILIO = { accountSid: `AC${'a7'.repeat(16)}`, authToken: 'e2e-whatsapp-auth-token' };
const SMS_FROM = '+15005550006';
const WHATSAPP_FROM = '+14155238886';

/** With a content template for outside the 24-hour window, and free-form text for inside it. */
const templatedJourney = {
  name: 'Order shipped on WhatsApp',
  stage: 'purchase',
  transactional: true,
  trigger: { event: 'order_shipped' },
  steps: [
    {
      id: 'wa',
      type: 'send',
      channel: 'whatsapp',
      template: {
        body: 'Hi {{ customer.attributes.firstName }}, order {{ event.properties.orderId }} is on its way',
        contentSid: 'HX0123456789abcdef0123456789abcdef',
        contentVariables: {
          '1': '{{ customer.attributes.firstName }}',
          '2': '{{ event.properties.orderId }}',
        },
      },
    },
  ],
};

/** Free-form text only: nothing it may send outside the window. */
const freeFormJourney = {
  name: 'Cart reminder on WhatsApp',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  steps: [{ id: 'wa-cart', type: 'send', channel: 'whatsapp', template: { body: 'Your cart is waiting' } }],
};

describe('WhatsApp through Twilio’s SDK to the local fake', () => {
  let tp: TouchpointHarness;
  let twilioFake: FakeTwilio;
  let seq = 0;
  const phone = () => `+1415666${String(1000 + seq++).padStart(4, '0')}`;

  const touchpointOf = async (customerId: string, stepId: string) =>
    (
      await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)
    ).body.items.find((t) => t.stepId === stepId);
  const untilStatus = (customerId: string, stepId: string, status: string) =>
    waitFor(`the ${stepId} touchpoint of ${customerId} to be ${status}`, async () => {
      const t = await touchpointOf(customerId, stepId);
      return t?.status === status && t;
    });
  const customer = async (id: string, body: Record<string, unknown>) => {
    expect((await tp.request('PUT', `/v1/customers/${id}`, body)).status).toBe(200);
  };
  const consentOf = async (id: string) =>
    (await tp.request<{ consent: Record<string, boolean> }>('GET', `/v1/customers/${id}`)).body.consent;
  const event = async (customerId: string, name: string, properties: Record<string, unknown> = {}) => {
    expect((await tp.request('POST', '/v1/events', { customerId, name, properties })).status).toBe(202);
  };
  const inbound = (from: string, text: string) =>
    twilioFake.sendInboundSms(`${tp.url}/webhooks/twilio/inbound`, from, text, {
      to: `whatsapp:${WHATSAPP_FROM}`,
    });
  const messagesTo = (to: string) => twilioFake.messages.filter((m) => m.to === to);

  beforeAll(async () => {
    twilioFake = await FakeTwilio.start(TWILIO);
    tp = await TouchpointHarness.start({
      publicBaseUrl: true,
      env: {
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM: SMS_FROM,
        TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
        TWILIO_API_BASE_URL: twilioFake.url,
      },
    });
    for (const journey of [templatedJourney, freeFormJourney]) {
      expect((await tp.request('POST', '/v1/journeys', journey)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await tp?.close();
    await twilioFake?.close();
  });

  it('should send free-form text within 24 hours of the customer’s message, and follow its status callbacks', async () => {
    const to = phone();
    await customer('wa-inside', {
      phone: to,
      attributes: { firstName: 'Sara' },
      consent: { whatsapp: true },
    });
    expect((await inbound(`whatsapp:${to}`, 'Where is my order?')).status).toBe(200);
    await event('wa-inside', 'order_shipped', { orderId: 'A-1' });

    const sent = await untilStatus('wa-inside', 'wa', 'sent');
    const [message] = messagesTo(`whatsapp:${to}`);
    expect(message).toMatchObject({
      from: `whatsapp:${WHATSAPP_FROM}`,
      body: 'Hi Sara, order A-1 is on its way',
      contentSid: null,
      statusCallback: `${tp.url}/webhooks/twilio/status?touchpointId=${sent.id}`,
    });
    expect(sent).toMatchObject({ channel: 'whatsapp', provider: 'twilio', providerMessageId: message.sid });

    expect((await twilioFake.sendStatusCallback(message.sid, 'delivered')).status).toBe(204);
    await untilStatus('wa-inside', 'wa', 'delivered');
  });

  it('should send the approved content template with its variables outside the window', async () => {
    const to = phone();
    await customer('wa-outside', {
      phone: to,
      attributes: { firstName: 'مریم' },
      consent: { whatsapp: true },
    });
    await event('wa-outside', 'order_shipped', { orderId: 'A-2' });

    await untilStatus('wa-outside', 'wa', 'sent');
    const [message] = messagesTo(`whatsapp:${to}`);
    expect(message.contentSid).toBe('HX0123456789abcdef0123456789abcdef');
    expect(JSON.parse(message.contentVariables ?? '')).toEqual({ '1': 'مریم', '2': 'A-2' });
    const request = twilioFake.requests.find((r) => r.form.To === `whatsapp:${to}`);
    expect(request?.form.Body).toBeUndefined();
  });

  it('should suppress free-form text outside the window, saying why, and send nothing', async () => {
    const to = phone();
    await customer('wa-closed', { phone: to, consent: { whatsapp: true } });
    await event('wa-closed', 'cart_abandoned');

    const suppressed = await untilStatus('wa-closed', 'wa-cart', 'suppressed');
    expect(suppressed.error).toBe('outside_session_window');
    expect(suppressed.errorMessage).toMatch(/within 24 hours of the customer's last message.*contentSid/);
    expect(messagesTo(`whatsapp:${to}`)).toHaveLength(0);
  });

  it('should revoke WhatsApp consent, and only it, on a STOP sent on WhatsApp', async () => {
    const to = phone();
    await customer('wa-stop', { phone: to, consent: { whatsapp: true, sms: true } });
    const reply = await inbound(`whatsapp:${to}`, 'STOP');
    expect(reply.status).toBe(200);
    expect(await consentOf('wa-stop')).toMatchObject({ whatsapp: false, sms: true });

    await event('wa-stop', 'order_shipped', { orderId: 'A-3' });
    expect((await untilStatus('wa-stop', 'wa', 'suppressed')).error).toBe('no_consent');
    expect(messagesTo(`whatsapp:${to}`)).toHaveLength(0);

    await inbound(`whatsapp:${to}`, 'START');
    expect((await consentOf('wa-stop')).whatsapp).toBe(true);
  });
});
