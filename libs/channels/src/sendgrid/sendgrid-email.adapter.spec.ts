import type { Client } from '@sendgrid/client';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSendGrid, sendGridError } from '../../../../tests/fakes/fake-sendgrid';
import { LOST_ANSWERS } from '../../../../tests/fakes/fake-http';
import type { OutboundMessage, RenderedEmail } from '../channel.port';
import { SendGridEmailAdapter, type SendGridEmailConfig } from './sendgrid-email.adapter';

const apiKey = 'SG.test-key.secret';
const unsubscribeUrl = (touchpointId: string) => `https://touchpoint.example/u/${touchpointId}?sig=abc`;

function email(
  overrides: Partial<RenderedEmail> = {},
  message: Partial<OutboundMessage> = {},
): OutboundMessage {
  return {
    touchpointId: 'tp-7',
    customerId: 'c-42',
    to: 'maryam@example.com',
    locale: 'en',
    direction: 'ltr',
    message: { channel: 'email', subject: 'Your cart', html: '<p>Hi</p>', text: 'Hi', ...overrides },
    ...message,
  };
}

describe(SendGridEmailAdapter.name, () => {
  let fake: FakeSendGrid;
  let sut: SendGridEmailAdapter;
  const config = (extra: Partial<SendGridEmailConfig> = {}): SendGridEmailConfig => ({
    apiKey,
    from: 'Shop <shop@example.com>',
    apiBaseUrl: fake.url,
    unsubscribeUrl,
    ...extra,
  });

  beforeAll(async () => {
    fake = await FakeSendGrid.start({ apiKey });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    sut = new SendGridEmailAdapter(config());
  });

  it('should send through the SDK with the bearer key, personalizations, content, custom args and unsubscribe headers', async () => {
    const result = await sut.send(email());

    expect(fake.mails).toHaveLength(1);
    expect(result).toEqual({ ok: true, provider: 'sendgrid', providerMessageId: fake.mails[0].messageId });
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v3/mail/send');
    expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.json).toMatchObject({
      personalizations: [{ to: [{ email: 'maryam@example.com' }] }],
      from: { email: 'shop@example.com', name: 'Shop' },
      subject: 'Your cart',
      content: [
        { type: 'text/plain', value: 'Hi' },
        { type: 'text/html', value: '<p>Hi</p>' },
      ],
      custom_args: { touchpointId: 'tp-7' },
      headers: {
        'List-Unsubscribe': '<https://touchpoint.example/u/tp-7?sig=abc>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(fake.mails[0].customArgs).toEqual({ touchpointId: 'tp-7' });
  });

  it('should send html alone when there is no text part', async () => {
    await sut.send(email({ text: undefined }));

    expect(fake.mails[0]).toMatchObject({ html: '<p>Hi</p>', text: undefined });
  });

  it('should keep Persian bytes intact and wrap rtl html in dir="rtl" with the locale as lang', async () => {
    const subject = 'سبد خرید شما 🛒';
    const html = '<p>مریم عزیز، سبد خرید شما منتظر است</p>';

    const result = await sut.send(
      email({ subject, html, text: 'سلام' }, { locale: 'fa-IR', direction: 'rtl' }),
    );

    expect(result.ok).toBe(true);
    expect(fake.requests[0].body.toString('utf8')).toContain(subject);
    expect(fake.mails[0].subject).toBe(subject);
    expect(fake.mails[0].html).toBe(`<div dir="rtl" lang="fa-IR">${html}</div>`);
    expect(fake.mails[0].text).toBe('سلام');
  });

  it('should put dir and lang on the <html> element of a whole Hebrew document', async () => {
    const html = '<!doctype html><html><head><title>שלום</title></head><body><p>שלום</p></body></html>';

    await sut.send(email({ html }, { locale: 'he', direction: 'rtl' }));

    expect(fake.mails[0].html).toBe(
      '<!doctype html><html dir="rtl" lang="he"><head><title>שלום</title></head><body><p>שלום</p></body></html>',
    );
  });

  it('should map a 400 to a permanent failure with the field as code and SendGrid’s message', async () => {
    const result = await sut.send(email({}, { to: 'not-an-address' }));

    expect(result).toEqual({
      ok: false,
      provider: 'sendgrid',
      kind: 'permanent',
      code: 'personalizations.0.to.0.email',
      message: 'Does not contain a valid address.',
    });
    expect(fake.mails).toHaveLength(0);
  });

  it('should map a 400 without a field to a permanent bad_request', async () => {
    fake.failNext(1, 400, sendGridError('Bad Request'));

    const result = await sut.send(email());

    expect(result).toMatchObject({
      ok: false,
      kind: 'permanent',
      code: 'bad_request',
      message: 'Bad Request',
    });
  });

  it('should map a 401 (wrong key) to a permanent auth failure', async () => {
    sut = new SendGridEmailAdapter(config({ apiKey: 'SG.wrong' }));

    const result = await sut.send(email());

    expect(result).toEqual({
      ok: false,
      provider: 'sendgrid',
      kind: 'permanent',
      code: 'auth',
      message: 'The provided authorization grant is invalid, expired, or revoked',
    });
  });

  it('should map a 403 to a permanent auth failure', async () => {
    fake.failNext(1, 403, sendGridError('access forbidden'));

    expect(await sut.send(email())).toMatchObject({ ok: false, kind: 'permanent', code: 'auth' });
  });

  it('should map a 429 to a transient failure with retryAfterMs from Retry-After', async () => {
    fake.failNext(1, 429, sendGridError('too many requests'), { 'Retry-After': '12' });

    const result = await sut.send(email());

    expect(result).toEqual({
      ok: false,
      provider: 'sendgrid',
      kind: 'transient',
      code: 'rate_limited',
      message: 'too many requests',
      retryAfterMs: 12_000,
    });
  });

  it('should read a 429’s wait from X-RateLimit-Reset when there is no Retry-After', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    fake.failNext(1, 429, sendGridError('too many requests'), { 'X-RateLimit-Reset': String(reset) });

    const result = await sut.send(email());

    expect(result).toMatchObject({ ok: false, kind: 'transient', code: 'rate_limited' });
    const { retryAfterMs } = result as { retryAfterMs: number };
    expect(retryAfterMs).toBeGreaterThan(25_000);
    expect(retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('should hold a 500 in doubt: SendGrid documents it as an error on its side, not as unsent', async () => {
    fake.failNext(1, 500, sendGridError('internal error'));

    expect(await sut.send(email())).toEqual({
      ok: false,
      provider: 'sendgrid',
      kind: 'in_doubt',
      code: 'http_500',
      message: 'internal error',
    });
  });

  it('should map a refused connection to a transient network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    sut = new SendGridEmailAdapter(config({ apiBaseUrl: `http://127.0.0.1:${port}` }));

    expect(await sut.send(email())).toMatchObject({ ok: false, kind: 'transient', code: 'network' });
  });

  it.each(LOST_ANSWERS)(
    'should hold a mail SendGrid took but whose answer was lost ($code) in doubt',
    async ({ mishap, code }) => {
      sut = new SendGridEmailAdapter(config({ apiBaseUrl: fake.url, timeoutMs: 200 }));
      fake.mishapNext(1, mishap);

      expect(await sut.send(email())).toMatchObject({ ok: false, kind: 'in_doubt', code });
      expect(fake.mails).toHaveLength(1);
    },
  );

  it('should not touch the SDK singleton’s base URL', async () => {
    const singleton = (await import('@sendgrid/mail')).default as unknown as { client: Client };

    expect(singleton.client.createRequest({ url: '/v3/mail/send' })).toMatchObject({
      baseURL: 'https://api.sendgrid.com/',
    });
  });
});
