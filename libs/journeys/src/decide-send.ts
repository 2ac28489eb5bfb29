import { applyQuietHours } from './apply-quiet-hours';
import { consentFor } from './channels';
import type { CustomerLike } from './customer-like';
import { deliveryBlocker } from './delivery-blocker';
import { isCapped, type FrequencyCap } from './frequency-cap';
import type { JourneyChannel } from './journey-channel';
import type { JourneyDefinition } from './journey-definition';
import { resolveTimezone } from './resolve-timezone';
import { sessionDecision } from './session-window';

/** A marketing message the customer was sent (or that is on its way), as the frequency caps count it. */
export interface SentMessage {
  channel: JourneyChannel;
  at: Date;
}

/** A send step's template rendered for the customer, or why it could not be. */
export type RenderOutcome = { ok: true; rendered: Record<string, unknown> } | { ok: false; error: string };

export type SuppressionReason =
  'expired' | 'no_consent' | 'no_address' | 'outside_session_window' | 'frequency_cap' | 'template_error';

/** What happens to a send step's message at the moment it is decided. */
export type SendDecision =
  /** It goes out: to this address, with this content. */
  | { kind: 'send'; to: string; rendered: Record<string, unknown> }
  /** Not now (quiet hours): decide again at `until`. */
  | { kind: 'defer'; until: Date; reason: 'quiet_hours' }
  /** Never: `reason` is the code recorded, `message` says why in words. */
  | { kind: 'suppress'; reason: SuppressionReason; message: string; cap?: FrequencyCap }
  /** Every rule so far lets it go, and the next one needs this input: supply it and decide again. */
  | { kind: 'needs'; input: 'sentBefore' | 'rendered' };

export interface SendDecisionInput {
  /** The moment of the decision: when the step came due, or when a hold ended. */
  now: Date;
  journey: Pick<JourneyDefinition, 'quietHours' | 'transactional'>;
  channel: JourneyChannel;
  customer: Pick<CustomerLike, 'timezone' | 'consent'>;
  /** Where the channel would send to (phone, email, push address), if the customer has one. */
  address: string | null | undefined;
  /** Until when the message is worth sending (`messageExpiry`); none: however late. */
  expiresAt?: Date | null;
  caps: readonly FrequencyCap[];
  /**
   * For a channel with a session window (its registry entry's `session`): the step's template and when the
   * customer last wrote on the channel. Without it the window is not checked.
   */
  session?: { template: Record<string, unknown>; lastInboundAt: Date | null | undefined };
  /** The customer's marketing messages sent before, for the caps; asked for only when a cap applies. */
  sentBefore?: readonly SentMessage[];
  /** The template's outcome; asked for only once every other rule lets the message go. */
  rendered?: RenderOutcome;
}

/**
 * The one decision on a send, for the worker and the simulation alike: expiry, quiet hours, consent and
 * address, frequency caps, then the template, in that order. Pure: the caller reads the clock, the customer
 * and their history, and renders; what is costly to get is asked for (`needs`) only when it can matter.
 */
export function decideSend(input: SendDecisionInput): SendDecision {
  const { now, journey, channel, customer, expiresAt } = input;
  if (isExpired(expiresAt, now)) return expired(expiresAt);
  const quiet = applyQuietHours(now, journey.quietHours, customer.timezone);
  if (quiet.held && quiet.at.getTime() > now.getTime()) {
    if (isExpired(expiresAt, quiet.at)) return expired(expiresAt);
    return { kind: 'defer', until: quiet.at, reason: 'quiet_hours' };
  }
  const blocker = deliveryBlocker(channel, customer.consent, input.address, journey.transactional);
  if (blocker === 'no_consent') {
    const why = journey.transactional ? `revoked ${channel}` : `has not opted in to ${channel}`;
    return { kind: 'suppress', reason: 'no_consent', message: `the customer ${why}` };
  }
  if (blocker === 'no_address' || !input.address) {
    return { kind: 'suppress', reason: 'no_address', message: `the customer has no ${channel} address` };
  }
  if (input.session) {
    const session = sessionDecision({ channel, now, ...input.session });
    if (!session.ok) return { kind: 'suppress', reason: session.code, message: session.message };
  }
  if (countsAgainstCaps(journey, input.caps)) {
    if (!input.sentBefore) return { kind: 'needs', input: 'sentBefore' };
    const timezone = resolveTimezone(customer.timezone);
    const cap = isCapped({ caps: input.caps, channel, at: now, timezone, sent: input.sentBefore });
    if (cap) return { kind: 'suppress', reason: 'frequency_cap', message: capMessage(cap), cap };
  }
  if (!input.rendered) return { kind: 'needs', input: 'rendered' };
  if (!input.rendered.ok) {
    return { kind: 'suppress', reason: 'template_error', message: input.rendered.error };
  }
  return { kind: 'send', to: input.address, rendered: input.rendered.rendered };
}

/** How a caller supplies what `decideSend` asks for. */
export interface SendDecisionSources {
  sentBefore: () => Promise<readonly SentMessage[]>;
  render: () => Promise<RenderOutcome>;
}

/** `decideSend`, supplying what it asks for until it decides. */
export async function decideSendWith(
  input: SendDecisionInput,
  sources: SendDecisionSources,
): Promise<Exclude<SendDecision, { kind: 'needs' }>> {
  let current = input;
  for (;;) {
    const decision = decideSend(current);
    if (decision.kind !== 'needs') return decision;
    current =
      decision.input === 'sentBefore'
        ? { ...current, sentBefore: await sources.sentBefore() }
        : { ...current, rendered: await sources.render() };
  }
}

/** Whether the caps apply to this journey's messages: transactional ones are exempt. */
export function countsAgainstCaps(
  journey: Pick<JourneyDefinition, 'transactional'>,
  caps: readonly FrequencyCap[],
): boolean {
  return !journey.transactional && caps.length > 0;
}

/**
 * What stops a message already decided when it is handed to the provider: its expiry has passed (an
 * outage held it), or the customer revoked the channel since (an inbound STOP). Null: it may go.
 */
export function recheckSend(input: {
  now: Date;
  channel: JourneyChannel;
  consent: Partial<Record<JourneyChannel, boolean>> | undefined;
  expiresAt: Date | null | undefined;
}): Extract<SuppressionReason, 'expired' | 'no_consent'> | null {
  if (isExpired(input.expiresAt, input.now)) return 'expired';
  if (input.consent && consentFor(input.consent, input.channel) === false) return 'no_consent';
  return null;
}

function isExpired(expiresAt: Date | null | undefined, at: Date): expiresAt is Date {
  return !!expiresAt && expiresAt.getTime() <= at.getTime();
}

function expired(expiresAt: Date): SendDecision {
  return {
    kind: 'suppress',
    reason: 'expired',
    message: `not worth sending after ${expiresAt.toISOString()}`,
  };
}

function capMessage(cap: FrequencyCap): string {
  return `at most ${cap.max} ${cap.channel === 'any' ? 'messages' : cap.channel} per ${cap.per}`;
}
