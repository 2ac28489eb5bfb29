import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { LinkSigner } from './link-signer';
import { SurveyLinks } from './survey-links';

describe(SurveyLinks.name, () => {
  const config = loadConfig({ PUBLIC_BASE_URL: 'https://tp.example/' });
  const sut = new SurveyLinks(new LinkSigner('a-secret-of-at-least-thirty-two-characters'), config);

  it('should put the signed token under /s/ of the public base URL', () => {
    const id = randomUUID();
    const url = sut.url(id);
    expect(url).toMatch(/^https:\/\/tp\.example\/s\/[\w-]{22}\.[\w-]{43}$/);
    expect(sut.read(url.split('/s/')[1])).toBe(id);
  });

  it('should read back the touchpoint id only from an untouched token', () => {
    const id = randomUUID();
    const token = sut.token(id);
    const [idPart, sig] = token.split('.');
    const other = sut.token(randomUUID()).split('.')[0];
    expect(sut.read(token)).toBe(id);
    expect(sut.read(`${other}.${sig}`)).toBeUndefined();
    expect(sut.read(`${idPart}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(sut.read(`${idPart}.`)).toBeUndefined();
    expect(sut.read('')).toBeUndefined();
  });

  it('should not accept a token signed with another secret or for another purpose', () => {
    const id = randomUUID();
    const elsewhere = new SurveyLinks(new LinkSigner('another-secret-of-at-least-thirty-two-chars'), config);
    expect(sut.read(elsewhere.token(id))).toBeUndefined();
    const signer = new LinkSigner('a-secret-of-at-least-thirty-two-characters');
    const unsubscribe = `${sut.token(id).split('.')[0]}.${signer.sign('unsubscribe', id)}`;
    expect(sut.read(unsubscribe)).toBeUndefined();
  });
});
