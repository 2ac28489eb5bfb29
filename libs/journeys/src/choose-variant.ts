import type { SplitStep } from './step';
import { stableFraction } from './stable-hash';

export type SplitVariant = SplitStep['variants'][number];

export type VariantChoice = { holdout: true } | { holdout: false; variant: SplitVariant };

/**
 * Chooses a customer's side of a split: the same customer always lands on the same side.
 * The holdout takes the first `holdout` percent of the hash range; the rest is shared by weight.
 * The step id is hashed too, so that two splits of one journey are independent of each other.
 */
export function chooseVariant(step: SplitStep, journeyId: string, customerId: string): VariantChoice {
  const fraction = stableFraction(`${journeyId}:${step.id}:${customerId}`);
  const holdout = (step.holdout ?? 0) / 100;
  if (fraction < holdout) return { holdout: true };
  const total = step.variants.reduce((sum, variant) => sum + variant.weight, 0);
  const point = ((fraction - holdout) / (1 - holdout)) * total;
  let cumulative = 0;
  for (const variant of step.variants) {
    cumulative += variant.weight;
    if (point < cumulative) return { holdout: false, variant };
  }
  // Rounding can leave the point just at the total: it belongs to the last variant that has a weight.
  const last = [...step.variants].reverse().find((variant) => variant.weight > 0) ?? step.variants[0];
  return { holdout: false, variant: last };
}
