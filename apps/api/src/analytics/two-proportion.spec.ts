import { describe, expect, it } from 'vitest';
import { compareProportions } from './two-proportion';

describe(compareProportions.name, () => {
  it('should give the z, p-value and interval a statistics package gives for 30 % against 20 % of 200', () => {
    // R: prop.test(c(60, 40), c(200, 200), correct = FALSE) → X² = 5.3333 (z = 2.3094), p = 0.02092;
    // the Wald interval of the difference: 0.1 ± 1.96 × 0.04301 = [0.0157, 0.1843].
    const sut = compareProportions({ n: 200, converted: 60 }, { n: 200, converted: 40 });
    expect(sut.rate).toBe(0.3);
    expect(sut.controlRate).toBe(0.2);
    expect(sut.lift).toBe(0.1);
    expect(sut.relativeLift).toBe(0.5);
    expect(sut.z).toBeCloseTo(2.309, 3);
    expect(sut.pValue).toBeCloseTo(0.0209, 3);
    expect(sut.ci95?.[0]).toBeCloseTo(0.0157, 3);
    expect(sut.ci95?.[1]).toBeCloseTo(0.1843, 3);
    expect(sut.significant).toBe(true);
  });

  it('should call a small difference in small groups noise', () => {
    const sut = compareProportions({ n: 50, converted: 6 }, { n: 50, converted: 5 });
    expect(sut.pValue).toBeGreaterThan(0.5);
    expect(sut.significant).toBe(false);
    expect(sut.ci95![0]).toBeLessThan(0);
    expect(sut.ci95![1]).toBeGreaterThan(0);
  });

  it('should compare nothing when a group is empty or nobody converted anywhere', () => {
    expect(compareProportions({ n: 10, converted: 2 }, { n: 0, converted: 0 })).toMatchObject({
      rate: 0.2,
      controlRate: null,
      lift: null,
      pValue: null,
      significant: false,
    });
    expect(compareProportions({ n: 10, converted: 0 }, { n: 10, converted: 0 })).toMatchObject({
      lift: 0,
      z: null,
      pValue: null,
      significant: false,
    });
  });
});
