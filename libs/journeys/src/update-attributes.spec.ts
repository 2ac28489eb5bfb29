import { describe, expect, it } from 'vitest';
import { describeUpdate, updateAttributes } from './update-attributes';

describe('updateAttributes', () => {
  const at = new Date('2026-12-01T10:00:00Z');

  it('should set, stamp, increment and unset, leaving the rest', () => {
    expect(
      updateAttributes(
        { keep: true, n: 2, gone: 'x' },
        { set: { tier: 'gold' }, setNow: ['seenAt'], increment: { n: 1 }, unset: ['gone'] },
        at,
      ),
    ).toEqual({ keep: true, n: 3, tier: 'gold', seenAt: '2026-12-01T10:00:00.000Z' });
  });

  it('should count a missing or non-numeric attribute as 0', () => {
    expect(updateAttributes({ s: 'five' }, { increment: { s: 2, m: -1 } }, at)).toEqual({ s: 2, m: -1 });
  });

  it('should not change the attributes it was given', () => {
    const before = { n: 1 };
    updateAttributes(before, { increment: { n: 1 }, unset: ['n'] }, at);
    expect(before).toEqual({ n: 1 });
  });

  it('should describe the change in one line', () => {
    expect(describeUpdate({ set: { a: 1 }, increment: { b: 2 } })).toBe('set a, increment b by 2');
  });
});
