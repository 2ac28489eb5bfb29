import { describe, expect, it } from 'vitest';
import type { OutboundMessage, RenderedMessage } from '../channel.port';
import { SandboxAdapter, type SandboxEntry, type SandboxOutbox } from './sandbox.adapter';

class MemoryOutbox implements SandboxOutbox {
  readonly entries: SandboxEntry[] = [];
  async record(entry: SandboxEntry): Promise<void> {
    this.entries.push(entry);
  }
}

const NOW = new Date('2026-11-22T09:30:00Z');
const clock = { now: () => NOW };

const outbound = (message: RenderedMessage, to = '+989121234567'): OutboundMessage => ({
  touchpointId: 'tp-1',
  customerId: 'c-42',
  to,
  locale: 'fa',
  direction: 'rtl',
  message,
});

describe(SandboxAdapter.name, () => {
  it('should record an sms and report its segments', async () => {
    const outbox = new MemoryOutbox();
    const sut = new SandboxAdapter('sms', outbox, clock);
    const body = 'سلام سارا 👋 سبد خرید شما منتظر است';

    const result = await sut.send(outbound({ channel: 'sms', body }));

    expect(result).toEqual({
      ok: true,
      provider: 'sandbox',
      providerMessageId: 'sandbox-tp-1',
      details: { segments: 1, encoding: 'UCS-2', characters: expect.any(Number) },
    });
    expect(outbox.entries).toEqual([
      { channel: 'sms', to: '+989121234567', body, touchpointId: 'tp-1', at: NOW },
    ]);
    expect(outbox.entries[0].body).toBe(body);
  });

  it('should record an email with its text as the body', async () => {
    const outbox = new MemoryOutbox();
    const sut = new SandboxAdapter('email', outbox, clock);

    const result = await sut.send(
      outbound({ channel: 'email', subject: 'سلام', html: '<p>سلام</p>', text: 'سلام!' }, 'a@example.com'),
    );

    expect(result).toEqual({
      ok: true,
      provider: 'sandbox',
      providerMessageId: 'sandbox-tp-1',
      details: undefined,
    });
    expect(outbox.entries).toEqual([
      {
        channel: 'email',
        to: 'a@example.com',
        subject: 'سلام',
        html: '<p>سلام</p>',
        body: 'سلام!',
        touchpointId: 'tp-1',
        at: NOW,
      },
    ]);
  });

  it('should strip the html into the body when an email has no text', async () => {
    const outbox = new MemoryOutbox();
    const sut = new SandboxAdapter('email', outbox, clock);

    await sut.send(
      outbound(
        { channel: 'email', subject: 'Hi', html: '<h1>Hi</h1><p>Tom &amp; Jerry</p>' },
        'a@example.com',
      ),
    );

    expect(outbox.entries[0]).toMatchObject({
      body: 'Hi\nTom & Jerry',
      html: '<h1>Hi</h1><p>Tom &amp; Jerry</p>',
    });
  });

  it('should record a push with its title as subject and url as the last line', async () => {
    const outbox = new MemoryOutbox();
    const sut = new SandboxAdapter('push', outbox, clock);

    await sut.send(
      outbound(
        { channel: 'push', title: 'Cart', body: 'Still there?', url: 'https://shop/cart/9' },
        'https://push/e',
      ),
    );
    await sut.send(outbound({ channel: 'push', title: 'Cart', body: 'No link' }, 'https://push/e'));

    expect(outbox.entries).toEqual([
      {
        channel: 'push',
        to: 'https://push/e',
        subject: 'Cart',
        body: 'Still there?\nhttps://shop/cart/9',
        touchpointId: 'tp-1',
        at: NOW,
      },
      {
        channel: 'push',
        to: 'https://push/e',
        subject: 'Cart',
        body: 'No link',
        touchpointId: 'tp-1',
        at: NOW,
      },
    ]);
  });

  it('should refuse a message for another channel without recording it', async () => {
    const outbox = new MemoryOutbox();
    const sut = new SandboxAdapter('sms', outbox, clock);

    const result = await sut.send(outbound({ channel: 'push', title: 't', body: 'b' }));

    expect(result).toMatchObject({
      ok: false,
      provider: 'sandbox',
      kind: 'permanent',
      code: 'SANDBOX.WRONG_CHANNEL',
    });
    expect(outbox.entries).toEqual([]);
  });

  it('should report a transient failure when the outbox cannot record', async () => {
    const sut = new SandboxAdapter(
      'sms',
      { record: () => Promise.reject(new Error('database is down')) },
      clock,
    );

    const result = await sut.send(outbound({ channel: 'sms', body: 'hi' }));

    expect(result).toEqual({
      ok: false,
      provider: 'sandbox',
      kind: 'transient',
      code: 'SANDBOX.OUTBOX_FAILED',
      message: 'database is down',
    });
  });

  it('should expose its channel and provider', () => {
    const sut = new SandboxAdapter('email', new MemoryOutbox(), clock);
    expect([sut.channel, sut.provider]).toEqual(['email', 'sandbox']);
  });
});
