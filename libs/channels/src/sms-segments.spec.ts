import { describe, expect, it } from 'vitest';
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSmsSegments } from './sms-segments';

describe(countSmsSegments.name, () => {
  it('should fit 160 GSM-7 characters in one segment', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ segments: 1, encoding: 'GSM-7', characters: 160 });
  });

  it('should split 161 GSM-7 characters into two segments', () => {
    expect(countSmsSegments('a'.repeat(161))).toEqual({ segments: 2, encoding: 'GSM-7', characters: 161 });
  });

  it('should use 153 GSM-7 characters per segment once split', () => {
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('should fit 70 Persian characters in one UCS-2 segment', () => {
    expect(countSmsSegments('س'.repeat(70))).toEqual({ segments: 1, encoding: 'UCS-2', characters: 70 });
  });

  it('should split 71 Persian characters into two UCS-2 segments of 67', () => {
    expect(countSmsSegments('س'.repeat(71))).toEqual({ segments: 2, encoding: 'UCS-2', characters: 71 });
    expect(countSmsSegments('س'.repeat(134)).segments).toBe(2);
    expect(countSmsSegments('س'.repeat(135)).segments).toBe(3);
  });

  it('should force UCS-2 for an emoji in otherwise plain text', () => {
    expect(countSmsSegments('Your cart is waiting 🛒')).toMatchObject({ segments: 1, encoding: 'UCS-2' });
    expect(countSmsSegments(`${'a'.repeat(69)}🛒`)).toMatchObject({ segments: 2, encoding: 'UCS-2' });
  });

  it('should count plain GSM-7 text as the calculator does, at every length', () => {
    const alphabet = 'abcXYZ019 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n\r';
    for (let length = 1; length <= 480; length++) {
      const body = Array.from({ length }, (_, i) => alphabet[(i * 7 + length) % alphabet.length]).join('');
      const calculator = new SegmentedMessage(body);
      expect(countSmsSegments(body)).toEqual({
        segments: calculator.segmentsCount,
        encoding: calculator.encodingName,
        characters: calculator.numberOfCharacters,
      });
    }
  });

  it('should count GSM-7 extension characters twice', () => {
    expect(countSmsSegments('€'.repeat(80))).toEqual({ segments: 1, encoding: 'GSM-7', characters: 160 });
    expect(countSmsSegments('€'.repeat(81)).segments).toBe(2);
  });
});
