import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DB, type Executor } from '../database/database.tokens';
import type { Database, Journey, JourneyStatus } from '../database/database.types';

export interface JourneyRecord<D = unknown> {
  id: string;
  name: string;
  status: JourneyStatus;
  version: number;
  definition: D;
  createdAt: Date;
  updatedAt: Date;
}

/** Another live journey already has this name. */
export class JourneyNameTakenError extends Error {
  override readonly name = 'JourneyNameTakenError';
  readonly code = 'JOURNEY.NAME_TAKEN';
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: string }).code === '23505' &&
  String(
    (error as { constraint?: string; message?: string }).constraint ?? (error as Error).message,
  ).includes(constraint);

/** Who made a change: the API key's name (shown in history) and id (null for the start-up demo journeys). */
export interface Actor {
  name: string;
  keyId: string | null;
}

export interface VersionRecord<D = unknown> {
  journeyId: string;
  version: number;
  definition: D;
  triggerEvent: string;
  exitOn: string[];
}

/** A version with who made it and when (history, the console's read-only view). */
export interface VersionDetail<D = unknown> extends VersionRecord<D> {
  createdAt: Date;
  createdBy: Actor;
}

@Injectable()
export class JourneyRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async create<D extends { name: string; trigger: { event: string }; exitOn: string[] }>(
    definition: D,
    actor: Actor,
    at: Date,
  ): Promise<JourneyRecord<D>> {
    const id = randomUUID();
    await this.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('journeys')
          .values({ id, name: definition.name, status: 'active', version: 1, created_at: at, updated_at: at })
          .execute();
        await this.insertVersion(trx, { id, version: 1, definition, actor, at });
        await this.recordChange(trx, { journeyId: id, version: 1, action: 'created', actor, at });
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'journeys_live_name')) throw new JourneyNameTakenError(definition.name);
        throw error;
      });
    return {
      id,
      name: definition.name,
      status: 'active',
      version: 1,
      definition,
      createdAt: at,
      updatedAt: at,
    };
  }

  private async insertVersion<D extends { trigger: { event: string }; exitOn: string[] }>(
    trx: Executor,
    {
      id,
      version,
      definition,
      actor,
      at,
    }: { id: string; version: number; definition: D; actor: Actor; at: Date },
  ): Promise<void> {
    await trx
      .insertInto('journey_versions')
      .values({
        journey_id: id,
        version,
        definition: JSON.stringify(definition),
        trigger_event: definition.trigger.event,
        exit_on: definition.exitOn,
        created_at: at,
        created_by: actor.name,
        created_by_key_id: actor.keyId,
      })
      .execute();
  }

  /**
   * A new version of the journey's definition, made current; running enrollments keep theirs.
   * Returns undefined for an unknown journey and `archived` for one that can no longer change.
   */
  async addVersion<D extends { name: string; trigger: { event: string }; exitOn: string[] }>(
    id: string,
    definition: D,
    actor: Actor,
    at: Date,
  ): Promise<JourneyRecord<D> | 'archived' | undefined> {
    return this.db
      .transaction()
      .execute(async (trx) => {
        const current = await this.lock(trx, id);
        if (!current) return undefined;
        if (current.status === 'archived') return 'archived' as const;
        const version = current.version + 1;
        await this.insertVersion(trx, { id, version, definition, actor, at });
        await trx
          .updateTable('journeys')
          .set({ name: definition.name, version, updated_at: at })
          .where('id', '=', id)
          .execute();
        await this.recordChange(trx, { journeyId: id, version, action: 'updated', actor, at });
        return {
          id,
          name: definition.name,
          status: current.status,
          version,
          definition,
          createdAt: current.created_at,
          updatedAt: at,
        };
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'journeys_live_name')) throw new JourneyNameTakenError(definition.name);
        throw error;
      });
  }

  /** The journey row, locked for a change of status or version. */
  lock(executor: Executor, id: string): Promise<Journey | undefined> {
    return executor.selectFrom('journeys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /**
   * The journey at its current version, its row share-locked: enrollments made in this transaction cannot
   * cross an archive, a pause or a new version (each takes the row's update lock).
   */
  async findShared(executor: Executor, id: string): Promise<JourneyRecord | undefined> {
    const locked = await executor
      .selectFrom('journeys')
      .select('id')
      .where('id', '=', id)
      .forShare()
      .executeTakeFirst();
    return locked && this.find(id, executor);
  }

  async setStatus(executor: Executor, id: string, status: JourneyStatus, at: Date): Promise<void> {
    await executor.updateTable('journeys').set({ status, updated_at: at }).where('id', '=', id).execute();
  }

  async recordChange(
    executor: Executor,
    change: { journeyId: string; version: number; action: string; actor: Actor; at: Date },
  ): Promise<void> {
    await executor
      .insertInto('journey_changes')
      .values({
        journey_id: change.journeyId,
        version: change.version,
        action: change.action,
        actor: change.actor.name,
        actor_key_id: change.actor.keyId,
        at: change.at,
      })
      .execute();
  }

  /** Every change to the journey, oldest first: who (the API key's name and id), what and when. */
  history(
    id: string,
    executor: Executor = this.db,
  ): Promise<{ version: number; action: string; actor: string; actor_key_id: string | null; at: Date }[]> {
    return executor
      .selectFrom('journey_changes')
      .select(['version', 'action', 'actor', 'actor_key_id', 'at'])
      .where('journey_id', '=', id)
      .orderBy('id')
      .execute();
  }

  async find(id: string, executor: Executor = this.db): Promise<JourneyRecord | undefined> {
    const row = await executor
      .selectFrom('journeys as j')
      .innerJoin('journey_versions as v', (join) =>
        join.onRef('v.journey_id', '=', 'j.id').onRef('v.version', '=', 'j.version'),
      )
      .select(['j.id', 'j.name', 'j.status', 'j.version', 'j.created_at', 'j.updated_at', 'v.definition'])
      .where('j.id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(filter: { status?: JourneyStatus; limit: number; after?: string }): Promise<JourneyRecord[]> {
    let query = this.db
      .selectFrom('journeys as j')
      .innerJoin('journey_versions as v', (join) =>
        join.onRef('v.journey_id', '=', 'j.id').onRef('v.version', '=', 'j.version'),
      )
      .select(['j.id', 'j.name', 'j.status', 'j.version', 'j.created_at', 'j.updated_at', 'v.definition'])
      .orderBy('j.created_at', 'desc')
      .orderBy('j.id', 'desc')
      .limit(filter.limit);
    if (filter.status) query = query.where('j.status', '=', filter.status);
    return (await query.execute()).map(toRecord);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('journeys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The current version of every active journey: what new events can enroll into. */
  async listActiveVersions(): Promise<VersionRecord[]> {
    const rows = await this.db
      .selectFrom('journeys as j')
      .innerJoin('journey_versions as v', (join) =>
        join.onRef('v.journey_id', '=', 'j.id').onRef('v.version', '=', 'j.version'),
      )
      .select(['v.journey_id', 'v.version', 'v.definition', 'v.trigger_event', 'v.exit_on'])
      .where('j.status', '=', 'active')
      .execute();
    return rows.map((r) => ({
      journeyId: r.journey_id,
      version: r.version,
      definition: r.definition,
      triggerEvent: r.trigger_event,
      exitOn: r.exit_on,
    }));
  }

  async findVersion(
    journeyId: string,
    version: number,
    executor: Executor = this.db,
  ): Promise<VersionDetail | undefined> {
    const r = await executor
      .selectFrom('journey_versions')
      .selectAll()
      .where('journey_id', '=', journeyId)
      .where('version', '=', version)
      .executeTakeFirst();
    return (
      r && {
        journeyId: r.journey_id,
        version: r.version,
        definition: r.definition,
        triggerEvent: r.trigger_event,
        exitOn: r.exit_on,
        createdAt: r.created_at,
        createdBy: { name: r.created_by, keyId: r.created_by_key_id },
      }
    );
  }

  /** The status of each journey, in one query. */
  async statuses(journeyIds: string[], executor: Executor = this.db): Promise<Map<string, JourneyStatus>> {
    if (journeyIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('journeys')
      .select(['id', 'status'])
      .where('id', 'in', [...new Set(journeyIds)])
      .execute();
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  async status(journeyId: string, executor: Executor = this.db): Promise<JourneyStatus | undefined> {
    const r = await executor
      .selectFrom('journeys')
      .select('status')
      .where('id', '=', journeyId)
      .executeTakeFirst();
    return r?.status;
  }
}

function toRecord(
  row: Pick<Journey, 'id' | 'name' | 'status' | 'version' | 'created_at' | 'updated_at'> & {
    definition: unknown;
  },
): JourneyRecord {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    definition: row.definition,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
