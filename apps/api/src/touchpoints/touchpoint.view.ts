import type { Role, TouchpointWithEvents } from '@touchpoint/core';
import { maskAddress, maskDeep, maskText } from '../http/mask';

/**
 * A touchpoint as API.md lists it. Analysts see contact details masked: the address, and any address or
 * number inside free text (a survey comment, a provider's error message) or provider details.
 */
export function touchpointView(t: TouchpointWithEvents, role: Role) {
  const masked = role === 'analyst';
  return {
    id: t.id,
    customerId: t.customer_id,
    journeyId: t.journey_id,
    journeyVersion: t.journey_version,
    stepId: t.step_id,
    stage: t.stage,
    channel: t.channel,
    status: t.status,
    to: masked ? maskAddress(t.channel, t.to) : t.to,
    text: touchpointText(t, role),
    provider: t.provider,
    providerMessageId: t.provider_message_id,
    scheduledFor: t.scheduled_for,
    sentAt: t.sent_at,
    deliveredAt: t.delivered_at,
    error: t.error,
    errorMessage: masked ? maskText(t.error_message) : t.error_message,
    details: masked ? maskDeep(t.details) : t.details,
    score: t.score,
    comment: masked ? maskText(t.comment) : t.comment,
    surveyOf: t.survey_of,
    createdAt: t.created_at,
    events: t.events,
  };
}

export type TouchpointView = ReturnType<typeof touchpointView>;

/** What the customer read first: an SMS's body, an email's subject, a push notification's title. */
export function touchpointText(t: Pick<TouchpointWithEvents, 'rendered'>, role: Role): string | null {
  const headline = t.rendered?.subject ?? t.rendered?.title ?? t.rendered?.body;
  if (typeof headline !== 'string') return null;
  return role === 'analyst' ? maskText(headline) : headline;
}

/** One touchpoint with the message as it was rendered for the customer (masked for analysts). */
export function touchpointDetailView(t: TouchpointWithEvents, role: Role) {
  const { channel: _channel, ...message } = t.rendered ?? {};
  return {
    ...touchpointView(t, role),
    message: t.rendered ? (role === 'analyst' ? maskDeep(message) : message) : null,
  };
}
