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

export interface VersionRecord<D = unknown> {
  journeyId: string;
  version: number;
  definition: D;
  triggerEvent: string;
  exitOn: string[];
}

@Injectable()
export class JourneyRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async create<D extends { name: string; trigger: { event: string }; exitOn: string[] }>(
    definition: D,
    actor: string,
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
        await this.insertVersion(trx, id, 1, definition, actor, at);
        await trx
          .insertInto('journey_changes')
          .values({ journey_id: id, version: 1, action: 'created', actor, at })
          .execute();
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
    id: string,
    version: number,
    definition: D,
    actor: string,
    at: Date,
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
        created_by: actor,
      })
      .execute();
  }

  async find(id: string): Promise<JourneyRecord | undefined> {
    const row = await this.db
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
  ): Promise<VersionRecord | undefined> {
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
      }
    );
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
