import type { SendResult } from './channel.port';

/** The failing half of `SendResult`: what an adapter returns when the provider said no. */
export type SendFailure = Extract<SendResult, { ok: false }>;

/** Response headers as the SDKs hand them over: Node's lower-cased object, axios' `AxiosHeaders`, or a `Headers`. */
export type HeaderBag = unknown;

/** A header's value, looked up case-insensitively in whatever shape the SDK returned. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const wanted = name.toLowerCase();
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value: unknown = (headers as { get(name: string): unknown }).get(name);
    if (value !== undefined && value !== null) return firstString(value);
  }
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === wanted) return firstString(value);
  }
  return undefined;
}

function firstString(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/** `Retry-After` (RFC 9110: delta-seconds or an HTTP-date) in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** `X-RateLimit-Reset` (Unix epoch seconds, as SendGrid sends it) in milliseconds from `now`. */
export function parseRateLimitReset(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Math.max(0, Number(value.trim()) * 1000 - now);
}

/** How long the provider asked us to wait, from the headers it answered with. */
export function retryAfterFromHeaders(headers: HeaderBag, now: number = Date.now()): number | undefined {
  return (
    parseRetryAfter(headerValue(headers, 'retry-after'), now) ??
    parseRateLimitReset(headerValue(headers, 'x-ratelimit-reset'), now)
  );
}

// Socket-level failures. Whether they may be retried is not in the code but in the bytes: see `networkFailure`.
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
]);
const TIMEOUT_CODES = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 3) return [];
  const codes: string[] = [];
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') codes.push(code);
  const cause = (error as { cause?: unknown }).cause;
  if (cause) codes.push(...errorCodes(cause, depth + 1));
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner)) for (const e of inner) codes.push(...errorCodes(e, depth + 1));
  return codes;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * A failure without a provider answer (a socket error, a timeout, an unreadable answer), judged by what
 * reached the wire (`requestWritten`, from `witnessRequests`). Before the whole request was handed to the
 * OS the provider cannot have acted on it: a network failure is `transient` and may be retried. After,
 * it may have (a reset or read timeout after Twilio stored the message): `in_doubt`, never re-sent blindly.
 * Undefined when `error` is neither a network failure nor came after the request was written.
 */
export function networkFailure(
  provider: string,
  error: unknown,
  requestWritten: boolean,
): SendFailure | undefined {
  const codes = errorCodes(error);
  const message = errorMessage(error);
  const isTimeout = codes.some((c) => TIMEOUT_CODES.has(c)) || /timeout|timed out/i.test(message);
  const networkCode = codes.find((c) => NETWORK_ERROR_CODES.has(c));
  const code = isTimeout ? 'timeout' : networkCode ? 'network' : 'no_answer';
  const text = networkCode && !isTimeout ? `${networkCode}: ${message}` : message || 'request timed out';
  if (requestWritten) return inDoubt(provider, code, text);
  if (isTimeout || networkCode) return transient(provider, code, text);
  return undefined;
}

/** The request reached the provider and no answer says what it did with it: settle it, never re-send blindly. */
export function inDoubt(provider: string, code: string, message: string): SendFailure {
  return { ok: false, provider, kind: 'in_doubt', code, message };
}

export function transient(
  provider: string,
  code: string,
  message: string,
  extra: Pick<SendFailure, 'retryAfterMs'> = {},
): SendFailure {
  return { ok: false, provider, kind: 'transient', code, message, ...defined(extra) };
}

export function permanent(
  provider: string,
  code: string,
  message: string,
  extra: Pick<SendFailure, 'revoke'> = {},
): SendFailure {
  return { ok: false, provider, kind: 'permanent', code, message, ...defined(extra) };
}

/** How long a send queue pauses after a 429 that did not say how long to wait. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1_000;

/** A 429: transient, and always with a wait, so the worker pauses the whole queue rather than one job. */
export function rateLimited(
  provider: string,
  code: string,
  message: string,
  retryAfterMs: number | undefined,
): SendFailure {
  return transient(provider, code, message, { retryAfterMs: retryAfterMs || DEFAULT_RATE_LIMIT_PAUSE_MS });
}

/**
 * The default reading of an HTTP status. 429, 408 and 503 say the request was not processed (RFC 9110:
 * too many, not read in time, unable to handle it now): retried. Another 5xx may come after the provider
 * acted on it (a 500 after the message was stored, a gateway's 502 or 504 about an upstream that did): in
 * doubt. Any other 4xx will fail the same way again. Adapters check their provider's codes first.
 */
export function failureFromStatus(
  provider: string,
  status: number,
  code: string,
  message: string,
  retryAfterMs?: number,
): SendFailure {
  if (status === 429) return rateLimited(provider, code, message, retryAfterMs);
  if (status === 503 || status === 408) return transient(provider, code, message);
  if (status >= 500) return inDoubt(provider, code, message);
  return permanent(provider, code, message);
}

/**
 * Anything that is not an HTTP answer: a network failure (see `networkFailure`), or else a bug or bad input
 * that will not fix itself, unless the request was already written (then the message is in doubt).
 */
export function unexpectedFailure(provider: string, error: unknown, requestWritten: boolean): SendFailure {
  return (
    networkFailure(provider, error, requestWritten) ??
    permanent(provider, 'unexpected_error', errorMessage(error))
  );
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
