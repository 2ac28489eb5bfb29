import { describe, expect, it } from 'vitest';
import { chooseVariant } from './choose-variant';
import type { SplitStep } from './step';

const split = (holdout?: number): SplitStep => ({
  id: 'ab',
  type: 'split',
  variants: [
    { name: 'A', weight: 50, next: 'a' },
    { name: 'B', weight: 30, next: 'b' },
    { name: 'C', weight: 20, next: 'c' },
  ],
  ...(holdout !== undefined ? { holdout } : {}),
});

const customerIds = Array.from({ length: 10_000 }, (_, i) => `customer-${i}`);

function shares(step: SplitStep, journeyId = 'jrn-1') {
  const counts: Record<string, number> = { A: 0, B: 0, C: 0, holdout: 0 };
  for (const id of customerIds) {
    const choice = chooseVariant(step, journeyId, id);
    counts[choice.holdout ? 'holdout' : choice.variant.name] += 1;
  }
  return Object.fromEntries(
    Object.entries(counts).map(([name, count]) => [name, (count / customerIds.length) * 100]),
  );
}

describe(chooseVariant.name, () => {
  it('should choose the same variant for the same customer every time', () => {
    const first = customerIds.slice(0, 100).map((id) => chooseVariant(split(10), 'jrn-1', id));
    const again = customerIds.slice(0, 100).map((id) => chooseVariant(split(10), 'jrn-1', id));

    expect(again).toEqual(first);
  });

  it('should split 10,000 customers within 2 percentage points of 50/30/20', () => {
    const result = shares(split());

    expect(Math.abs(result.A - 50)).toBeLessThan(2);
    expect(Math.abs(result.B - 30)).toBeLessThan(2);
    expect(Math.abs(result.C - 20)).toBeLessThan(2);
    expect(result.holdout).toBe(0);
  });

  it('should hold out its share and split the rest by weight', () => {
    const result = shares(split(10));

    expect(Math.abs(result.holdout - 10)).toBeLessThan(2);
    expect(Math.abs(result.A - 45)).toBeLessThan(2);
    expect(Math.abs(result.B - 27)).toBeLessThan(2);
    expect(Math.abs(result.C - 18)).toBeLessThan(2);
  });

  it('should hold out everyone at 100 and no one at 0', () => {
    expect(shares(split(100)).holdout).toBe(100);
    expect(shares(split(0)).holdout).toBe(0);
  });

  it('should never choose a variant of weight 0', () => {
    const step: SplitStep = {
      id: 's',
      type: 'split',
      variants: [
        { name: 'off', weight: 0, next: 'x' },
        { name: 'on', weight: 1, next: 'y' },
      ],
    };

    const chosen = new Set(customerIds.map((id) => JSON.stringify(chooseVariant(step, 'jrn-1', id))));

    expect([...chosen]).toEqual([JSON.stringify({ holdout: false, variant: step.variants[1] })]);
  });

  it('should assign a customer independently in another journey', () => {
    const here = customerIds.slice(0, 1000).map((id) => chooseVariant(split(), 'jrn-1', id));
    const there = customerIds.slice(0, 1000).map((id) => chooseVariant(split(), 'jrn-2', id));
    const same = here.filter((choice, i) => JSON.stringify(choice) === JSON.stringify(there[i])).length;

    // Independent 50/30/20 choices agree 0.25 + 0.09 + 0.04 = 38% of the time.
    expect(same / 1000).toBeGreaterThan(0.3);
    expect(same / 1000).toBeLessThan(0.46);
  });
});
