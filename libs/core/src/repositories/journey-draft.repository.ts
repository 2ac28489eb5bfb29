import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB, type Executor } from '../database/database.tokens';
import type { Database } from '../database/database.types';
import type { Actor } from './journey.repository';

export interface JourneyDraft {
  journeyId: string;
  definition: unknown;
  baseVersion: number;
  updatedAt: Date;
  updatedBy: Actor;
}

/** One work-in-progress definition per journey, shared by everyone who edits it. */
@Injectable()
export class JourneyDraftRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async find(journeyId: string, executor: Executor = this.db): Promise<JourneyDraft | undefined> {
    const row = await executor
      .selectFrom('journey_drafts')
      .selectAll()
      .where('journey_id', '=', journeyId)
      .executeTakeFirst();
    return (
      row && {
        journeyId: row.journey_id,
        definition: row.definition,
        baseVersion: row.base_version,
        updatedAt: row.updated_at,
        updatedBy: { name: row.updated_by, keyId: row.updated_by_key_id },
      }
    );
  }

  /** Creates or replaces the journey's draft; the last save wins, as in any shared document. */
  async save(draft: JourneyDraft, executor: Executor = this.db): Promise<void> {
    const values = {
      definition: JSON.stringify(draft.definition),
      base_version: draft.baseVersion,
      updated_at: draft.updatedAt,
      updated_by: draft.updatedBy.name,
      updated_by_key_id: draft.updatedBy.keyId,
    };
    await executor
      .insertInto('journey_drafts')
      .values({ journey_id: draft.journeyId, ...values })
      .onConflict((oc) => oc.column('journey_id').doUpdateSet(values))
      .execute();
  }

  /** With `savedAt`, only the draft saved then: a save made meanwhile (while publishing) survives. */
  async delete(journeyId: string, savedAt?: Date): Promise<boolean> {
    let query = this.db.deleteFrom('journey_drafts').where('journey_id', '=', journeyId);
    if (savedAt) query = query.where('updated_at', '=', savedAt);
    const r = await query.executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
