import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMIT_PAUSE_MS,
  failureFromStatus,
  headerValue,
  networkFailure,
  parseRateLimitReset,
  parseRetryAfter,
  rateLimited,
  unexpectedFailure,
} from './provider-error';

const now = Date.parse('2026-11-22T09:30:00Z');

describe('provider-error', () => {
  it('should read Retry-After as seconds or as an HTTP-date', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:30:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('should read X-RateLimit-Reset as epoch seconds', () => {
    expect(parseRateLimitReset(String(now / 1000 + 45), now)).toBe(45_000);
    expect(parseRateLimitReset('nope', now)).toBeUndefined();
  });

  it('should find a header whatever its case or shape', () => {
    expect(headerValue({ 'retry-after': '3' }, 'Retry-After')).toBe('3');
    expect(headerValue({ 'X-Message-Id': ['a', 'b'] }, 'x-message-id')).toBe('a');
    expect(headerValue(new Headers({ Location: '/m/1' }), 'location')).toBe('/m/1');
    expect(headerValue(undefined, 'location')).toBeUndefined();
  });

  it('should treat 429, 408 and 5xx as transient and other 4xx as permanent', () => {
    expect(failureFromStatus('p', 429, 'c', 'm', 1000)).toMatchObject({
      kind: 'transient',
      retryAfterMs: 1000,
    });
    expect(failureFromStatus('p', 503, 'c', 'm')).toMatchObject({ kind: 'transient' });
    expect(failureFromStatus('p', 408, 'c', 'm')).toMatchObject({ kind: 'transient' });
    expect(failureFromStatus('p', 422, 'c', 'm')).toEqual({
      ok: false,
      provider: 'p',
      kind: 'permanent',
      code: 'c',
      message: 'm',
    });
  });

  it('should give a 429 without a stated wait a default pause, so the queue still slows down', () => {
    expect(failureFromStatus('p', 429, 'c', 'm')).toMatchObject({
      kind: 'transient',
      retryAfterMs: DEFAULT_RATE_LIMIT_PAUSE_MS,
    });
    expect(rateLimited('p', 'c', 'm', 0)).toMatchObject({ retryAfterMs: DEFAULT_RATE_LIMIT_PAUSE_MS });
    expect(rateLimited('p', 'c', 'm', 5_000)).toMatchObject({ retryAfterMs: 5_000 });
  });

  it('should classify socket errors, including nested causes, as transient', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(networkFailure('p', refused)).toMatchObject({ kind: 'transient', code: 'network' });
    expect(networkFailure('p', new Error('fetch failed', { cause: refused }))).toMatchObject({
      code: 'network',
    });
    expect(
      networkFailure('p', Object.assign(new Error('timeout of 200ms exceeded'), { code: 'ECONNABORTED' })),
    ).toMatchObject({
      code: 'timeout',
    });
    expect(networkFailure('p', new TypeError('x is undefined'))).toBeUndefined();
  });

  it('should treat anything else as a permanent unexpected error', () => {
    expect(unexpectedFailure('p', new TypeError('x is undefined'))).toEqual({
      ok: false,
      provider: 'p',
      kind: 'permanent',
      code: 'unexpected_error',
      message: 'x is undefined',
    });
  });
});
