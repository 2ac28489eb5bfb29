import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB, type Executor } from '../database/database.tokens';
import type { Broadcast, BroadcastStatus, Database } from '../database/database.types';

/** What one chunk of a broadcast did, added to its counters with the cursor it reached. */
export interface BroadcastChunk {
  cursor: string | null;
  scanned: number;
  matched: number;
  enrolled: number;
  alreadyEnrolled: number;
  notEligible: number;
  /** The chunk was the last: the broadcast is complete. */
  last: boolean;
}

@Injectable()
export class BroadcastRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  create(input: {
    id: string;
    journeyId: string;
    condition: unknown;
    actor: { name: string; keyId?: string | null };
    at: Date;
  }): Promise<Broadcast> {
    return this.db
      .insertInto('broadcasts')
      .values({
        id: input.id,
        journey_id: input.journeyId,
        condition: JSON.stringify(input.condition),
        status: 'running',
        cursor: null,
        created_by: input.actor.name,
        created_by_key_id: input.actor.keyId ?? null,
        created_at: input.at,
        updated_at: input.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  find(journeyId: string, id: string): Promise<Broadcast | undefined> {
    return this.db
      .selectFrom('broadcasts')
      .selectAll()
      .where('journey_id', '=', journeyId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The running broadcasts, oldest first. */
  async listRunning(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('broadcasts')
      .select('id')
      .where('status', '=', 'running')
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * The broadcast, row-locked for one chunk, if it is running and no other worker holds it: the lock lasts
   * the chunk's transaction, so two workers never run the same chunk, and a worker that dies releases it.
   */
  lockRunning(executor: Executor, id: string): Promise<Broadcast | undefined> {
    return executor
      .selectFrom('broadcasts')
      .selectAll()
      .where('id', '=', id)
      .where('status', '=', 'running')
      .forNoKeyUpdate()
      .skipLocked()
      .executeTakeFirst();
  }

  /** Adds a chunk's counts and moves the cursor, in the chunk's transaction. */
  async advance(executor: Executor, id: string, chunk: BroadcastChunk, at: Date): Promise<void> {
    await executor
      .updateTable('broadcasts')
      .set((eb) => ({
        cursor: chunk.cursor,
        scanned: eb('scanned', '+', chunk.scanned),
        matched: eb('matched', '+', chunk.matched),
        enrolled: eb('enrolled', '+', chunk.enrolled),
        already_enrolled: eb('already_enrolled', '+', chunk.alreadyEnrolled),
        not_eligible: eb('not_eligible', '+', chunk.notEligible),
        updated_at: at,
        ...(chunk.last && { status: 'completed' as const, end_reason: 'completed', finished_at: at }),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Ends a running broadcast; returns it, or undefined when it was not running (or is not the journey's). */
  end(
    where: { id: string; journeyId?: string },
    ending: { status: Exclude<BroadcastStatus, 'running'>; reason: string; at: Date },
    executor: Executor = this.db,
  ): Promise<Broadcast | undefined> {
    const { status, reason, at } = ending;
    return executor
      .updateTable('broadcasts')
      .set({ status, end_reason: reason, finished_at: at, updated_at: at })
      .where('id', '=', where.id)
      .$if(where.journeyId !== undefined, (qb) => qb.where('journey_id', '=', where.journeyId!))
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
  }
}
