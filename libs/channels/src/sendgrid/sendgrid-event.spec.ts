import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sendGridEventMeaning, sendGridVerificationKey, verifySendGridSignature } from './sendgrid-event';

const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const der = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();

function signed(body: string, timestamp = '1795000000', privateKey = pair.privateKey) {
  return {
    raw: Buffer.from(body, 'utf8'),
    timestamp,
    signature: sign('sha256', Buffer.from(timestamp + body), privateKey).toString('base64'),
  };
}

describe(verifySendGridSignature.name, () => {
  // SendGrid's own published test vector (sendgrid-nodejs, @sendgrid/eventwebhook).
  it('should accept SendGrid’s published example signature', () => {
    const key = sendGridVerificationKey(
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==',
    );
    const payload = JSON.stringify({
      category: 'example_payload',
      event: 'test_event',
      message_id: 'message_id',
    });
    expect(
      verifySendGridSignature(
        key,
        Buffer.from(payload),
        'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=',
        '1588788367',
      ),
    ).toBe(true);
  });

  it('should verify timestamp + raw body with the key in base64 DER (as SendGrid shows it) or PEM', () => {
    const { raw, timestamp, signature } = signed('[{"event":"delivered"}]');
    expect(verifySendGridSignature(sendGridVerificationKey(der), raw, signature, timestamp)).toBe(true);
    expect(verifySendGridSignature(sendGridVerificationKey(pem), raw, signature, timestamp)).toBe(true);
  });

  it('should refuse another body, another timestamp, another key, or nothing', () => {
    const key = sendGridVerificationKey(der);
    const { raw, timestamp, signature } = signed('[{"event":"delivered"}]');
    expect(verifySendGridSignature(key, Buffer.from('[{"event":"open"}]'), signature, timestamp)).toBe(false);
    expect(verifySendGridSignature(key, raw, signature, '1795000001')).toBe(false);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect(
      verifySendGridSignature(
        key,
        raw,
        signed('[{"event":"delivered"}]', timestamp, other).signature,
        timestamp,
      ),
    ).toBe(false);
    expect(verifySendGridSignature(key, raw, undefined, timestamp)).toBe(false);
    expect(verifySendGridSignature(key, raw, signature, undefined)).toBe(false);
    expect(verifySendGridSignature(key, raw, 'not base64 at all!', timestamp)).toBe(false);
  });

  it('should refuse a key that is not ECDSA P-256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    expect(() => sendGridVerificationKey(rsa.toString('base64'))).toThrow(/P-256/);
    expect(() => sendGridVerificationKey('not a key')).toThrow();
  });
});

describe(sendGridEventMeaning.name, () => {
  it('should map delivery and engagement events', () => {
    expect(sendGridEventMeaning('processed')).toEqual({ status: 'sent', revokeConsent: false });
    expect(sendGridEventMeaning('delivered')).toEqual({ status: 'delivered', revokeConsent: false });
    expect(sendGridEventMeaning('open')).toEqual({ status: 'opened', revokeConsent: false });
    expect(sendGridEventMeaning('click')).toEqual({ status: 'clicked', revokeConsent: false });
    expect(sendGridEventMeaning('bounce')).toEqual({ status: 'bounced', revokeConsent: false });
    expect(sendGridEventMeaning('dropped', 'Invalid')).toEqual({ status: 'failed', revokeConsent: false });
  });

  it('should revoke consent for unsubscribes, spam reports and drops of suppressed addresses', () => {
    for (const event of ['unsubscribe', 'group_unsubscribe', 'spamreport']) {
      expect(sendGridEventMeaning(event)).toEqual({ status: 'unsubscribed', revokeConsent: true });
    }
    expect(sendGridEventMeaning('dropped', 'Unsubscribed Address')).toEqual({
      status: 'failed',
      revokeConsent: true,
    });
    expect(sendGridEventMeaning('dropped', 'Spam Reporting Address')).toEqual({
      status: 'failed',
      revokeConsent: true,
    });
  });

  it('should ignore events that change nothing', () => {
    for (const event of ['deferred', 'group_resubscribe', 'something_new']) {
      expect(sendGridEventMeaning(event)).toBeUndefined();
    }
  });
});
