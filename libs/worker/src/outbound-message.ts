import { fcmTokenOf, textDirection, type OutboundMessage, type RenderedMessage } from '@touchpoint/channels';
import type { Customer, Touchpoint } from '@touchpoint/core';

/** The message a claimed touchpoint carries, as the adapter sends it (and as its provider is asked about it). */
export function outboundMessage(
  touchpoint: Touchpoint & { to: string },
  customer: Customer | undefined,
): OutboundMessage {
  const fcmToken = touchpoint.channel === 'push' ? fcmTokenOf(touchpoint.to) : undefined;
  return {
    touchpointId: touchpoint.id,
    customerId: touchpoint.customer_id,
    to: touchpoint.to,
    ...(fcmToken
      ? { fcmToken }
      : { subscription: customer?.push_subscriptions.find((s) => s.endpoint === touchpoint.to) }),
    locale: customer?.locale,
    direction: textDirection(customer?.locale),
    message: touchpoint.rendered as unknown as RenderedMessage,
  };
}
