import type { Role, TouchpointWithEvents } from '@touchpoint/core';
import { maskAddress } from '../http/mask';

/** A touchpoint as API.md lists it; `to` is masked for analysts. */
export function touchpointView(t: TouchpointWithEvents, role: Role) {
  return {
    id: t.id,
    customerId: t.customer_id,
    journeyId: t.journey_id,
    journeyVersion: t.journey_version,
    stepId: t.step_id,
    stage: t.stage,
    channel: t.channel,
    status: t.status,
    to: role === 'analyst' ? maskAddress(t.channel, t.to) : t.to,
    provider: t.provider,
    providerMessageId: t.provider_message_id,
    scheduledFor: t.scheduled_for,
    sentAt: t.sent_at,
    deliveredAt: t.delivered_at,
    error: t.error,
    errorMessage: t.error_message,
    details: t.details,
    score: t.score,
    comment: t.comment,
    createdAt: t.created_at,
    events: t.events,
  };
}
