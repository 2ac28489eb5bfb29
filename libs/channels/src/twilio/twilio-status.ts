import type { DeliveryStatus } from '../delivery-status';

/**
 * A status callback's `MessageStatus` in our words, or undefined for one that says nothing about delivery
 * (`receiving`, `received`, `canceled`…). Twilio holding the message (`accepted`, `queued`, `sending`) is
 * our `sent`: the provider has it. https://www.twilio.com/docs/messaging/api/message-resource#message-status-values
 */
export function twilioDeliveryStatus(messageStatus: string | undefined): DeliveryStatus | undefined {
  switch (messageStatus ?? '') {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'opened';
    case 'undelivered':
    case 'failed':
      return 'failed';
    default:
      return undefined;
  }
}

/** Replies that opt a number out of (and back into) messages from a Twilio sender: Twilio's own keywords. */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const OPT_IN = new Set(['START', 'UNSTOP', 'YES']);

/**
 * What an inbound SMS says about consent. Twilio matches a keyword only when it is the whole message
 * (case and surrounding spaces or punctuation aside); with Advanced Opt-Out it also says so in `OptOutType`.
 */
export function smsConsentReply(
  body: string | undefined,
  optOutType?: string,
): 'opt_out' | 'opt_in' | undefined {
  const type = optOutType?.trim().toUpperCase();
  if (type === 'STOP') return 'opt_out';
  if (type === 'START') return 'opt_in';
  const word = (body ?? '')
    .trim()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .toUpperCase();
  if (OPT_OUT.has(word)) return 'opt_out';
  if (OPT_IN.has(word)) return 'opt_in';
  return undefined;
}
