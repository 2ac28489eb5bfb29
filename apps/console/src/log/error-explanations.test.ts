import { describe, expect, it } from 'vitest';
import { explanationKey } from './error-explanations';
import { logLocales } from './log.locales';

describe('error codes in words', () => {
  it.each([
    ['twilio', '21610', 'twilio21610'],
    [null, 'TWILIO.21211', 'twilio21211'],
    ['twilio', '30007', 'twilio30007'],
    ['sendgrid', 'bounce', 'sendgridBounce'],
    ['sendgrid', 'dropped', 'sendgridDropped'],
    ['web-push', 'subscription_gone', 'pushGone'],
    ['web-push', '410', 'pushGone'],
    ['twilio', 'timeout', 'inDoubt'],
    [null, 'sending_timeout', 'inDoubt'],
    [null, 'no_consent', 'noConsent'],
    [null, '21610', 'twilio21610'],
  ])('should explain %s %s as %s', (provider, code, key) => {
    expect(explanationKey(provider, code)).toBe(key);
  });

  it('should not guess: an unknown code, or a code of another provider, has no explanation', () => {
    expect(explanationKey('twilio', '99999')).toBeNull();
    expect(explanationKey('sendgrid', '21610')).toBeNull();
    expect(explanationKey('twilio', null)).toBeNull();
  });

  it('should have words for every explanation in English, Persian and Hebrew', () => {
    const codes: [string | null, string][] = [
      ['twilio', '21211'],
      ['twilio', '21408'],
      ['twilio', '21614'],
      ['twilio', '30003'],
      ['twilio', '30005'],
      ['twilio', '30006'],
      ['twilio', '30008'],
      ['sendgrid', 'spamreport'],
      ['sendgrid', 'blocked'],
      ['fcm', 'invalid_subscription'],
      [null, 'frequency_cap'],
      [null, 'rate_limited'],
      [null, 'unexpected_error'],
    ];
    for (const [provider, code] of codes) {
      const key = explanationKey(provider, code) as keyof typeof logLocales.en.errors;
      for (const language of ['en', 'fa', 'he'] as const) {
        expect(logLocales[language].errors[key]).toBeTruthy();
      }
    }
    expect(logLocales.fa.errors.twilio21610).not.toBe(logLocales.en.errors.twilio21610);
  });
});
