import { describe, expect, it } from 'vitest';
import { LinkSigner } from './link-signer';

describe(LinkSigner.name, () => {
  const sut = new LinkSigner('a-secret-of-at-least-thirty-two-characters');

  it('should accept its own signature for the same purpose and id', () => {
    const sig = sut.sign('unsubscribe', 'tp-1');
    expect(sig).toMatch(/^[\w-]{43}$/);
    expect(sut.verify('unsubscribe', 'tp-1', sig)).toBe(true);
  });

  it('should refuse a signature for another id, another purpose or another secret', () => {
    const sig = sut.sign('unsubscribe', 'tp-1');
    expect(sut.verify('unsubscribe', 'tp-2', sig)).toBe(false);
    expect(sut.verify('survey', 'tp-1', sig)).toBe(false);
    expect(
      new LinkSigner('another-secret-of-at-least-thirty-two-chars').verify('unsubscribe', 'tp-1', sig),
    ).toBe(false);
  });

  it('should refuse another spelling of the same bytes (the last character’s spare bits)', () => {
    const sig = sut.sign('unsubscribe', 'tp-1');
    const last = 'AEIMQUYcgkosw048'.indexOf(sig.at(-1)!);
    const respelled = `${sig.slice(0, -1)}${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[last * 4 + 1]}`;
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(sut.verify('unsubscribe', 'tp-1', respelled)).toBe(false);
  });

  it('should refuse missing, malformed and truncated signatures without throwing', () => {
    const sig = sut.sign('unsubscribe', 'tp-1');
    for (const bad of [undefined, '', 'x', sig.slice(0, -1), `${sig}x`, ['a'], 42]) {
      expect(sut.verify('unsubscribe', 'tp-1', bad)).toBe(false);
    }
  });

  it('should refuse a short secret', () => {
    expect(() => new LinkSigner('short')).toThrow(/32 characters/);
  });
});
