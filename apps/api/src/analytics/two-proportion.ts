import { errorFunction, probit } from 'simple-statistics';

/** The normal quantile a 95 % two-sided interval spans (≈ 1.96). */
const Z_95 = probit(0.975);

export interface Proportion {
  /** Customers in the group. */
  n: number;
  /** Of them, how many converted. */
  converted: number;
}

/** A treated group against a control (the holdout): the lift, its 95 % interval and a two-proportion z-test. */
export interface Comparison {
  rate: number | null;
  controlRate: number | null;
  /** rate − controlRate. */
  lift: number | null;
  /** lift / controlRate; null when the control never converted. */
  relativeLift: number | null;
  /** 95 % confidence interval of the lift (Wald, unpooled standard error). */
  ci95: [number, number] | null;
  /** z of the pooled two-proportion test. */
  z: number | null;
  /** Two-sided p-value of the same test: how often a lift this large comes from noise alone. */
  pValue: number | null;
  /** pValue < 0.05. */
  significant: boolean;
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Compares conversion in `treated` with `control`: null figures when either group is empty, and no test when
 * every customer in both converted or none did (the pooled variance is zero).
 */
export function compareProportions(treated: Proportion, control: Proportion): Comparison {
  const none: Comparison = {
    rate: treated.n > 0 ? round(treated.converted / treated.n) : null,
    controlRate: control.n > 0 ? round(control.converted / control.n) : null,
    lift: null,
    relativeLift: null,
    ci95: null,
    z: null,
    pValue: null,
    significant: false,
  };
  if (treated.n === 0 || control.n === 0) return none;
  const p1 = treated.converted / treated.n;
  const p2 = control.converted / control.n;
  const lift = p1 - p2;
  const se = Math.sqrt((p1 * (1 - p1)) / treated.n + (p2 * (1 - p2)) / control.n);
  const pooled = (treated.converted + control.converted) / (treated.n + control.n);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / treated.n + 1 / control.n));
  const z = sePooled === 0 ? null : lift / sePooled;
  // Two-sided: P(|Z| ≥ |z|) = 1 − erf(|z| / √2).
  const pValue = z === null ? null : Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
  return {
    ...none,
    lift: round(lift),
    relativeLift: p2 === 0 ? null : round(lift / p2),
    ci95: [round(lift - Z_95 * se), round(lift + Z_95 * se)],
    z: z === null ? null : round(z, 3),
    pValue: pValue === null ? null : round(pValue, 4),
    significant: pValue !== null && pValue < 0.05,
  };
}
