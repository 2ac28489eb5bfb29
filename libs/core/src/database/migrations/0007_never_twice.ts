import { statements } from './statements';

/**
 * A send whose provider answer was lost stays `sending` until `settle_after`, when the reconciler asks the
 * provider what it took (or records `unknown` where it cannot tell). Few rows are ever in doubt: the index
 * holds only them.
 */
export const neverTwice = statements([
  `alter table touchpoints add column settle_after timestamptz`,
  `create index touchpoints_settle_after on touchpoints (settle_after) where status = 'sending' and settle_after is not null`,
]);
