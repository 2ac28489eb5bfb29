import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import type { DeliveryStatus } from '../delivery-status';

/** The Event Webhook's signature headers (Twilio SendGrid "Signed Event Webhook Requests"). */
export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

/**
 * The verification key as SendGrid shows it (base64 DER SubjectPublicKeyInfo, no PEM framing), or PEM.
 * Throws when it is not an EC P-256 public key.
 */
export function sendGridVerificationKey(value: string): KeyObject {
  const trimmed = value.trim();
  const key = trimmed.includes('BEGIN PUBLIC KEY')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('the SendGrid verification key is not an ECDSA P-256 public key');
  }
  return key;
}

/** ECDSA P-256 / SHA-256 over the timestamp header followed by the raw body bytes; base64 DER signature. */
export function verifySendGridSignature(
  key: KeyObject,
  rawBody: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
): boolean {
  if (!signature || !timestamp) return false;
  try {
    return verify(
      'sha256',
      Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]),
      key,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** What one Event Webhook event means for its touchpoint. */
export interface SendGridEventMeaning {
  status: DeliveryStatus;
  /** The recipient asked not to get email any more (or SendGrid will not send to them): revoke consent. */
  revokeConsent: boolean;
}

/**
 * SendGrid's event types in our words, or undefined for one that changes nothing (`deferred` is still
 * being tried, `group_resubscribe` is the customer's own business with SendGrid's groups).
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event
 */
export function sendGridEventMeaning(event: string, reason?: string): SendGridEventMeaning | undefined {
  switch (event) {
    case 'processed':
      return { status: 'sent', revokeConsent: false };
    case 'delivered':
      return { status: 'delivered', revokeConsent: false };
    case 'open':
      return { status: 'opened', revokeConsent: false };
    case 'click':
      return { status: 'clicked', revokeConsent: false };
    case 'bounce':
      return { status: 'bounced', revokeConsent: false };
    case 'dropped':
      // Dropped because SendGrid holds the address on its unsubscribe or spam-report list: mirror that.
      return { status: 'failed', revokeConsent: /unsubscribe|spam/i.test(reason ?? '') };
    case 'spamreport':
    case 'unsubscribe':
    case 'group_unsubscribe':
      return { status: 'unsubscribed', revokeConsent: true };
    default:
      return undefined;
  }
}
