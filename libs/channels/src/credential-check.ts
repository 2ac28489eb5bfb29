import type { CredentialCheck } from './channel.port';
import { errorMessage } from './provider-error';

/**
 * A provider's refusal of a credentials read: 401 and 403 say the credentials are not accepted; anything
 * else (a timeout, a 5xx) says nothing about them.
 */
export function credentialCheckFailure(status: number | undefined, error: unknown): CredentialCheck {
  const detail = errorMessage(error);
  if (status === 401 || status === 403) return { status: 'rejected', detail };
  return { status: 'unreachable', detail: status === undefined ? detail : `HTTP ${status}: ${detail}` };
}
