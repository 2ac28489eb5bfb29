import { describe, expect, it } from 'vitest';
import type { ChannelAdapter, OutboundMessage, SendResult } from './channel.port';
import { PushRouter } from './push-router';

function recording(provider: string, channel: 'push' | 'sms' = 'push') {
  const sent: OutboundMessage[] = [];
  const adapter: ChannelAdapter = {
    channel,
    provider,
    send: (m): Promise<SendResult> => {
      sent.push(m);
      return Promise.resolve({ ok: true, provider, providerMessageId: `${provider}-1` });
    },
  };
  return { adapter, sent };
}

const base: OutboundMessage = {
  touchpointId: 'tp-1',
  customerId: 'c-1',
  to: 'https://push.example/sub',
  direction: 'ltr',
  message: { channel: 'push', title: 't', body: 'b' },
};

describe(PushRouter.name, () => {
  it('should send to an FCM token through FCM and to a subscription through Web Push', async () => {
    const webPush = recording('web-push');
    const fcm = recording('fcm');
    const sut = new PushRouter({ webPush: webPush.adapter, fcm: fcm.adapter });

    expect(await sut.send({ ...base, fcmToken: 'tok', to: 'fcm:tok' })).toMatchObject({ provider: 'fcm' });
    expect(await sut.send(base)).toMatchObject({ provider: 'web-push' });
    expect(fcm.sent.map((m) => m.fcmToken)).toEqual(['tok']);
    expect(webPush.sent.map((m) => m.to)).toEqual(['https://push.example/sub']);
    expect(sut.provider).toBe('web-push+fcm');
  });

  it('should refuse an adapter of another channel', () => {
    expect(
      () => new PushRouter({ webPush: recording('x', 'sms').adapter, fcm: recording('fcm').adapter }),
    ).toThrow(/sms adapter/);
  });
});
