import { createServer } from 'node:http';
import { type AddressInfo, type Socket, createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeTwilio, twilioError } from '../../../../tests/fakes/fake-twilio';
import type { OutboundMessage } from '../channel.port';
import { TwilioRequestClient } from './twilio-request-client';
import { TwilioSmsAdapter } from './twilio-sms.adapter';

const accountSid = `AC${'a1'.repeat(16)}`;
const authToken = 'test-auth-token';
const statusCallbackUrl = 'https://touchpoint.example/webhooks/twilio/status';

function sms(body: string, to = '+989121234567'): OutboundMessage {
  return {
    touchpointId: 'tp-1',
    customerId: 'c-42',
    to,
    locale: 'fa',
    direction: 'rtl',
    message: { channel: 'sms', body },
  };
}

describe(TwilioSmsAdapter.name, () => {
  let fake: FakeTwilio;
  let sut: TwilioSmsAdapter;

  beforeAll(async () => {
    fake = await FakeTwilio.start({ accountSid, authToken });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    sut = new TwilioSmsAdapter({
      accountSid,
      authToken,
      from: '+15005550006',
      apiBaseUrl: fake.url,
      statusCallbackUrl,
    });
  });

  it('should send through the SDK with Basic auth, the account path and the form fields Twilio expects', async () => {
    const result = await sut.send(sms('Hello, your cart is waiting'));

    expect(result).toEqual({
      ok: true,
      provider: 'twilio',
      providerMessageId: fake.messages[0].sid,
      details: { segments: 1, encoding: 'GSM-7' },
    });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
    );
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.form).toEqual({
      To: '+989121234567',
      From: '+15005550006',
      Body: 'Hello, your cart is waiting',
      StatusCallback: `${statusCallbackUrl}?touchpointId=tp-1`,
    });
    expect(fake.messages[0].sid).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('should keep Persian and Hebrew bytes intact and count UCS-2 segments of 67 characters', async () => {
    const persian = 'سلام مریم، سبد خرید شما منتظر است: با کد CART10 ده درصد تخفیف بگیرید ';
    const body = `${persian}🛒 ${'שלום'.repeat(5)}`;
    expect([...body].length).toBeGreaterThan(70);

    const result = await sut.send(sms(body));

    expect(result).toMatchObject({ ok: true, details: { segments: 2, encoding: 'UCS-2' } });
    expect(fake.requests[0].body.toString('utf8')).toContain(encodeURIComponent(persian));
    expect(fake.requests[0].form.Body).toBe(body);
    expect(Buffer.from(fake.requests[0].form.Body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(fake.messages[0]).toMatchObject({ numSegments: 2, encoding: 'UCS-2' });
  });

  it('should send with MessagingServiceSid instead of From when a messaging service is configured', async () => {
    sut = new TwilioSmsAdapter({
      accountSid,
      authToken,
      messagingServiceSid: `MG${'b2'.repeat(16)}`,
      apiBaseUrl: `${fake.url}/`,
      statusCallbackUrl,
    });

    const result = await sut.send(sms('Hi'));

    expect(result.ok).toBe(true);
    expect(fake.requests[0].form).toEqual({
      To: '+989121234567',
      MessagingServiceSid: `MG${'b2'.repeat(16)}`,
      Body: 'Hi',
      StatusCallback: `${statusCallbackUrl}?touchpointId=tp-1`,
    });
  });

  it('should map 21211 (invalid To number) to a permanent failure with Twilio code and message', async () => {
    const result = await sut.send(sms('Hi', '+98-not-a-number'));

    expect(result).toEqual({
      ok: false,
      provider: 'twilio',
      kind: 'permanent',
      code: '21211',
      message: "The 'To' number +98-not-a-number is not a valid phone number.",
    });
  });

  it('should map 21610 (unsubscribed recipient) to a permanent failure that revokes SMS consent', async () => {
    fake.unsubscribe('+989121234567');

    const result = await sut.send(sms('Hi'));

    expect(result).toEqual({
      ok: false,
      provider: 'twilio',
      kind: 'permanent',
      code: '21610',
      message: 'Attempt to send to unsubscribed recipient',
      revoke: 'consent',
    });
  });

  it('should map 21614 (not a mobile number) to a permanent failure', async () => {
    fake.failNext(1, 400, twilioError(400, 21614, "'To' number is not a valid mobile number"));

    const result = await sut.send(sms('Hi'));

    expect(result).toMatchObject({ ok: false, kind: 'permanent', code: '21614' });
    expect(result).not.toHaveProperty('revoke');
  });

  it('should hold a 500 in doubt: Twilio may have stored the message before failing', async () => {
    fake.failNext(1, 500, twilioError(500, 20500, 'Internal Server Error'));

    const result = await sut.send(sms('Hi'));

    expect(result).toEqual({
      ok: false,
      provider: 'twilio',
      kind: 'in_doubt',
      code: '20500',
      message: 'Internal Server Error',
    });
  });

  it('should map a 503 without a Twilio body to a transient failure coded by status', async () => {
    fake.failNext(1, 503, '<html>Service Unavailable</html>');

    const result = await sut.send(sms('Hi'));

    expect(result).toMatchObject({ ok: false, kind: 'transient', code: 'http_503' });
  });

  it('should map 429 / 20429 to a transient failure with retryAfterMs from Retry-After', async () => {
    fake.failNext(1, 429, twilioError(429, 20429, 'Too Many Requests'), { 'Retry-After': '7' });

    const result = await sut.send(sms('Hi'));

    expect(result).toEqual({
      ok: false,
      provider: 'twilio',
      kind: 'transient',
      code: '20429',
      message: 'Too Many Requests',
      retryAfterMs: 7000,
    });
  });

  it('should keep each concurrent send’s Retry-After to itself', async () => {
    fake.failNext(1, 429, twilioError(429, 20429, 'Too Many Requests'), { 'Retry-After': '3' });

    const [first, second] = await Promise.all([sut.send(sms('one')), sut.send(sms('two'))]);

    const failures = [first, second].filter((r) => !r.ok);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ kind: 'transient', retryAfterMs: 3000 });
    expect([first, second].filter((r) => r.ok)).toHaveLength(1);
  });

  it('should map a wrong auth token (20003) to a permanent failure', async () => {
    sut = new TwilioSmsAdapter({
      accountSid,
      authToken: 'wrong',
      from: '+15005550006',
      apiBaseUrl: fake.url,
      statusCallbackUrl,
    });

    const result = await sut.send(sms('Hi'));

    expect(result).toMatchObject({ ok: false, kind: 'permanent', code: '20003' });
  });

  it('should map a refused connection to a transient network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    sut = new TwilioSmsAdapter({
      accountSid,
      authToken,
      from: '+15005550006',
      apiBaseUrl: `http://127.0.0.1:${port}`,
      statusCallbackUrl,
    });

    const result = await sut.send(sms('Hi'));

    expect(result).toMatchObject({ ok: false, kind: 'transient', code: 'network' });
  });

  it('should hold a message Twilio took before the connection reset in doubt, and find it by lookup', async () => {
    fake.mishapNext(1, 'take-then-reset');
    const message = sms('Your code is 1234', '+14155550101');
    const since = new Date();

    const result = await sut.send(message);

    expect(result).toMatchObject({ ok: false, kind: 'in_doubt', code: 'network' });
    expect(fake.messages).toHaveLength(1);
    expect(await sut.lookUp(message, since)).toEqual({
      kind: 'found',
      matches: [
        {
          providerMessageId: fake.messages[0].sid,
          details: { segments: 1, encoding: 'GSM-7', settled: 'lookup' },
        },
      ],
    });
    expect(fake.lookups.at(-1)?.path).toContain('To=%2B14155550101');
  });

  it('should hold a reset after the request was written in doubt, and find nothing when Twilio took nothing', async () => {
    fake.mishapNext(1, 'reset-untaken');
    const message = sms('Your code is 5678', '+14155550102');

    expect(await sut.send(message)).toMatchObject({ ok: false, kind: 'in_doubt' });
    expect(fake.messages).toHaveLength(0);
    expect(await sut.lookUp(message, new Date())).toEqual({ kind: 'not_found' });
  });

  it('should hold an answer that comes after the read timeout in doubt', async () => {
    sut = new TwilioSmsAdapter({
      accountSid,
      authToken,
      from: '+15005550006',
      apiBaseUrl: fake.url,
      statusCallbackUrl,
      timeoutMs: 200,
    });
    fake.mishapNext(1, { answerAfterMs: 1_000 });
    const message = sms('Late', '+14155550103');

    expect(await sut.send(message)).toMatchObject({ ok: false, kind: 'in_doubt', code: 'timeout' });
    expect(fake.messages).toHaveLength(1);
    expect(await sut.lookUp(message, new Date(Date.now() - 1_000))).toMatchObject({
      kind: 'found',
      matches: [{ providerMessageId: fake.messages[0].sid }],
    });
  });

  it('should match a lookup on sender, body and time, not on any message to the number', async () => {
    const to = '+14155550104';
    await sut.send(sms('Yesterday’s text', to));
    const other = new TwilioSmsAdapter({
      accountSid,
      authToken,
      from: '+15005550007',
      apiBaseUrl: fake.url,
      statusCallbackUrl,
    });
    await other.send(sms('Same text', to));

    expect(await sut.lookUp(sms('Same text', to), new Date(Date.now() - 1_000))).toEqual({
      kind: 'not_found',
    });
    // Created before the send was claimed (beyond the clock skew allowed): an older message, not this one.
    expect(await other.lookUp(sms('Same text', to), new Date(Date.now() + 10 * 60_000))).toEqual({
      kind: 'not_found',
    });
    expect(await other.lookUp(sms('Same text', to), new Date())).toMatchObject({ kind: 'found' });
  });

  it('should report a lookup Twilio could not answer as failed, so it is asked again', async () => {
    fake.failLookupsNext(1, 503);

    expect(await sut.lookUp(sms('Hi'), new Date())).toMatchObject({ kind: 'failed' });
  });

  it('should call a TLS handshake that never completes not taken: the request was never written', async () => {
    // Accepts TCP, never answers the ClientHello: the request cannot have left.
    const sockets: Socket[] = [];
    const mute = createNetServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const { port } = mute.address() as AddressInfo;
    sut = new TwilioSmsAdapter({
      accountSid,
      authToken,
      from: '+15005550006',
      apiBaseUrl: `https://127.0.0.1:${port}`,
      statusCallbackUrl,
      timeoutMs: 200,
    });

    const result = await sut.send(sms('Hi'));

    expect(result).toMatchObject({ ok: false, kind: 'transient', code: 'timeout' });
    sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => mute.close(() => resolve()));
  });

  it('should refuse a config with neither From nor a messaging service', () => {
    expect(() => new TwilioSmsAdapter({ accountSid, authToken, statusCallbackUrl })).toThrow(/TWILIO_FROM/);
  });
});

describe(TwilioRequestClient.name, () => {
  it('should rewrite api.twilio.com onto the base URL, keeping its path prefix, and leave other hosts alone', () => {
    const sut = new TwilioRequestClient('http://127.0.0.1:9999/twilio/');

    expect(sut.rewrite('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?x=1')).toBe(
      'http://127.0.0.1:9999/twilio/2010-04-01/Accounts/AC1/Messages.json?x=1',
    );
    expect(sut.rewrite('https://messaging.twilio.com/v1/Services')).toBe(
      'https://messaging.twilio.com/v1/Services',
    );
    expect(new TwilioRequestClient(undefined).rewrite('https://api.twilio.com/x')).toBe(
      'https://api.twilio.com/x',
    );
  });
});
