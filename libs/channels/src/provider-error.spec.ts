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

  it('should treat 429, 408 and 503 as transient and other 4xx as permanent', () => {
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

  it('should retry a socket error only when the request never reached the wire', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(networkFailure('p', refused, false)).toMatchObject({ kind: 'transient', code: 'network' });
    expect(networkFailure('p', new Error('fetch failed', { cause: refused }), false)).toMatchObject({
      code: 'network',
    });
    const timeout = Object.assign(new Error('timeout of 200ms exceeded'), { code: 'ECONNABORTED' });
    expect(networkFailure('p', timeout, false)).toMatchObject({ kind: 'transient', code: 'timeout' });
    expect(networkFailure('p', new TypeError('x is undefined'), false)).toBeUndefined();
  });

  it('should hold any failure without an answer after the request was written in doubt, never transient', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const timeout = Object.assign(new Error('timeout of 200ms exceeded'), { code: 'ECONNABORTED' });
    expect(networkFailure('p', reset, true)).toMatchObject({ kind: 'in_doubt', code: 'network' });
    expect(networkFailure('p', timeout, true)).toMatchObject({ kind: 'in_doubt', code: 'timeout' });
    expect(unexpectedFailure('p', new SyntaxError('Unexpected end of JSON input'), true)).toMatchObject({
      kind: 'in_doubt',
      code: 'no_answer',
    });
  });

  it.each([
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'UND_ERR_SOCKET',
    'ENOTFOUND',
    'ECONNREFUSED',
    'X',
    undefined,
  ])('should call a failure with code %s in doubt once the request was written', (code) => {
    const error = Object.assign(new Error('boom'), code ? { code } : {});
    expect(unexpectedFailure('p', error, true).kind).toBe('in_doubt');
  });

  it('should read 503 as not taken and another 5xx as in doubt', () => {
    expect(failureFromStatus('p', 503, 'c', 'm')).toMatchObject({ kind: 'transient' });
    for (const status of [500, 502, 504, 599]) {
      expect(failureFromStatus('p', status, 'c', 'm')).toMatchObject({ kind: 'in_doubt' });
    }
  });

  it('should treat anything else as a permanent unexpected error', () => {
    expect(unexpectedFailure('p', new TypeError('x is undefined'), false)).toEqual({
      ok: false,
      provider: 'p',
      kind: 'permanent',
      code: 'unexpected_error',
      message: 'x is undefined',
    });
  });
});
