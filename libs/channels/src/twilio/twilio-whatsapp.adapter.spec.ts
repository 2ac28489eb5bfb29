import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../../../../tests/fakes/fake-twilio';
import type { OutboundMessage, RenderedOf } from '../channel.port';
import { TwilioWhatsAppAdapter, twilioInboundChannel } from './twilio-whatsapp.adapter';

const accountSid = `AC${'b2'.repeat(16)}`;
const authToken = 'test-auth-token';
const from = '+14155238886';

function whatsapp(message: Omit<RenderedOf<'whatsapp'>, 'channel'>): OutboundMessage {
  return {
    touchpointId: 'tp-1',
    customerId: 'c-42',
    to: '+989121234567',
    locale: 'fa',
    direction: 'rtl',
    message: { channel: 'whatsapp', ...message },
  };
}

describe(TwilioWhatsAppAdapter.name, () => {
  let fake: FakeTwilio;
  let sut: TwilioWhatsAppAdapter;

  beforeAll(async () => {
    fake = await FakeTwilio.start({ accountSid, authToken });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    sut = new TwilioWhatsAppAdapter({
      accountSid,
      authToken,
      from,
      apiBaseUrl: fake.url,
      statusCallbackUrl: 'https://touchpoint.example/webhooks/twilio/status',
    });
  });

  it('should send free-form text between whatsapp: addresses', async () => {
    const result = await sut.send(whatsapp({ body: 'سلام' }));

    expect(result).toMatchObject({ ok: true, providerMessageId: fake.messages[0].sid });
    expect(fake.requests[0].form).toMatchObject({
      To: 'whatsapp:+989121234567',
      From: `whatsapp:${from}`,
      Body: 'سلام',
      StatusCallback: 'https://touchpoint.example/webhooks/twilio/status?touchpointId=tp-1',
    });
  });

  it('should send a content template with its variables as JSON, and no body', async () => {
    await sut.send(whatsapp({ body: 'Hi', contentSid: 'HX1', contentVariables: { '1': 'Sara' } }));

    const { form } = fake.requests[0];
    expect(form).toMatchObject({ ContentSid: 'HX1', ContentVariables: '{"1":"Sara"}' });
    expect(form.Body).toBeUndefined();
  });

  it('should find a message Twilio took, by its body, from our sender to the customer', async () => {
    const since = new Date();
    await sut.send(whatsapp({ body: 'Your order shipped' }));

    await expect(sut.lookUp(whatsapp({ body: 'Your order shipped' }), since)).resolves.toMatchObject({
      kind: 'found',
      matches: [{ providerMessageId: fake.messages[0].sid }],
    });
    await expect(sut.lookUp(whatsapp({ body: 'Another text' }), since)).resolves.toEqual({
      kind: 'not_found',
    });
  });

  it('should refuse a message of another channel without calling Twilio', async () => {
    const sms: OutboundMessage = { ...whatsapp({ body: 'x' }), message: { channel: 'sms', body: 'x' } };
    await expect(sut.send(sms)).resolves.toMatchObject({
      ok: false,
      kind: 'permanent',
      code: 'wrong_channel',
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe(twilioInboundChannel.name, () => {
  it('should tell a WhatsApp sender from an SMS one', () => {
    expect(twilioInboundChannel('whatsapp:+15551234567')).toEqual({
      channel: 'whatsapp',
      phone: '+15551234567',
    });
    expect(twilioInboundChannel('+15551234567')).toEqual({ channel: 'sms', phone: '+15551234567' });
  });
});
