import { sql, type RawBuilder } from 'kysely';

/**
 * `any(keys)` for a list of keys, written so the planner looks each key up in its index:
 * `.where('id', '=', anyOf(ids, 'uuid'))`. Given the array itself, the planner weighs a few hundred index
 * lookups against one pass over the table and, on a young table of a few thousand rows, reads all of it
 * (a batch of 250 steps read 5,000 rows of each table it touched); an array built by a sub-select counts
 * as a few keys, so each key is looked up, whatever the table's size.
 */
export function anyOf(keys: readonly string[], type: 'uuid' | 'text'): RawBuilder<string> {
  return sql<string>`any(array(select unnest(${[...keys]}::${sql.raw(type)}[])))`;
}

/**
 * A condition checked only on the rows the statement's key lookup found, never used to find rows: as a
 * plain condition it may match a partial index's predicate (`status = 'active'` scanned every active
 * enrollment of `enrollments_one_active`, ANDed with the keys) or a wider index the young table's missing
 * statistics make look selective (a journey's every enrollment, for a batch's few customers).
 */
export function onFoundRows(condition: RawBuilder<boolean>): RawBuilder<boolean> {
  return sql<boolean>`(${condition}) is true`;
}
