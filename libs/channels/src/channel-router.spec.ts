import { describe, expect, it } from 'vitest';
import type { Channel, ChannelAdapter, SendResult } from './channel.port';
import { ChannelRouter } from './channel-router';

const adapter = (channel: Channel, provider: string): ChannelAdapter => ({
  channel,
  provider,
  send: (): Promise<SendResult> => Promise.resolve({ ok: true, provider, providerMessageId: 'x' }),
});

describe(ChannelRouter.name, () => {
  it('should return the adapter registered for a channel', () => {
    const sms = adapter('sms', 'twilio');
    const email = adapter('email', 'sandbox');
    const sut = new ChannelRouter([sms, email]);

    expect(sut.for('sms')).toBe(sms);
    expect(sut.for('email')).toBe(email);
  });

  it('should throw for a channel without an adapter', () => {
    const sut = new ChannelRouter([adapter('sms', 'twilio')]);
    expect(() => sut.for('push')).toThrow('no adapter registered for channel "push"');
  });

  it('should say which channels it has', () => {
    const sut = new ChannelRouter([adapter('sms', 'twilio')]);
    expect([sut.has('sms'), sut.has('email'), sut.has('push')]).toEqual([true, false, false]);
  });

  it('should list the provider behind each channel', () => {
    const sut = new ChannelRouter([
      adapter('sms', 'twilio'),
      adapter('email', 'sandbox'),
      adapter('push', 'web-push'),
    ]);
    expect(sut.providers()).toEqual({ sms: 'twilio', email: 'sandbox', push: 'web-push' });
  });

  it('should refuse two adapters for the same channel', () => {
    expect(() => new ChannelRouter([adapter('sms', 'twilio'), adapter('sms', 'sandbox')])).toThrow(
      'two adapters for channel "sms": "twilio" and "sandbox"',
    );
  });
});
