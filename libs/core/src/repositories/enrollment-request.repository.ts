import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB, type Executor } from '../database/database.tokens';
import type { Database } from '../database/database.types';

/** A request already answered under its key, or the key taken now by this transaction. */
export type EnrollmentRequestClaim =
  { kind: 'claimed' } | { kind: 'answered'; bodyHash: string; response: unknown };

/**
 * Enrollment requests by `Idempotency-Key`. The claim inserts the key in the request's transaction: a
 * concurrent request with the same key waits on it until the first commits, then reads its answer.
 */
@Injectable()
export class EnrollmentRequestRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async claim(
    executor: Executor,
    request: { journeyId: string; key: string; bodyHash: string; at: Date },
  ): Promise<EnrollmentRequestClaim> {
    const inserted = await executor
      .insertInto('enrollment_requests')
      .values({
        journey_id: request.journeyId,
        idempotency_key: request.key,
        body_hash: request.bodyHash,
        response: null,
        created_at: request.at,
      })
      .onConflict((oc) => oc.columns(['journey_id', 'idempotency_key']).doNothing())
      .returning('journey_id')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed' };
    const row = await executor
      .selectFrom('enrollment_requests')
      .select(['body_hash', 'response'])
      .where('journey_id', '=', request.journeyId)
      .where('idempotency_key', '=', request.key)
      .executeTakeFirstOrThrow();
    return { kind: 'answered', bodyHash: row.body_hash, response: row.response };
  }

  async answer(executor: Executor, request: { journeyId: string; key: string }, response: unknown) {
    await executor
      .updateTable('enrollment_requests')
      .set({ response: JSON.stringify(response) })
      .where('journey_id', '=', request.journeyId)
      .where('idempotency_key', '=', request.key)
      .execute();
  }

  /** Forgets the keys claimed before `before`: a request sent again after that enrolls anew. */
  async prune(before: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('enrollment_requests')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
