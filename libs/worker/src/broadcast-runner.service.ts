import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  BroadcastRepository,
  CONFIG,
  Clock,
  CustomerRepository,
  customerConditionSql,
  DB,
  JourneyRepository,
  QueueGateway,
  retryOnDeadlock,
  type Broadcast,
  type Config,
  type Database,
  type DueJob,
  type Executor,
  type JourneyRecord,
} from '@touchpoint/core';
import { evaluateCondition, type Condition, type JourneyDefinition } from '@touchpoint/journeys';
import type { Kysely } from 'kysely';
import { toCustomerLike } from './customer-context';
import { JourneyEntry } from './journey-entry.service';

/** Customers a chunk looks at: one transaction, one keyset page, one multi-row insert. */
export const BROADCAST_CHUNK = 1_000;
/** Broadcasts one tick takes in turn. */
const RUNNING_PER_TICK = 20;

/** more: the next chunk is ready; done: the broadcast ended; held: its journey is paused; busy: another worker has it. */
export type ChunkState = 'more' | 'done' | 'held' | 'busy';

interface ChunkRun {
  state: ChunkState;
  jobs: { add: DueJob[]; remove: DueJob[] };
}

const NO_JOBS = { add: [], remove: [] };

/**
 * Runs broadcasts: each tick (SCHEDULER_TICK_MS) takes the running ones and enrolls their matching customers
 * chunk by chunk until none is left, the worker stops, or the broadcast is cancelled. A chunk is one
 * transaction that locks the broadcast's row, reads the next page of customers after its cursor, enrolls
 * them and moves the cursor: a worker that dies mid-chunk rolls the chunk back, and any worker's next tick
 * takes it from the cursor. Nothing but the page is held in memory.
 */
@Injectable()
export class BroadcastRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BroadcastRunner.name);
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
    private readonly broadcasts: BroadcastRepository,
    private readonly journeys: JourneyRepository,
    private readonly customers: CustomerRepository,
    private readonly entry: JourneyEntry,
    private readonly queue: QueueGateway,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.logger.error({ err: error }, 'broadcast tick failed'));
    }, this.config.SCHEDULER_TICK_MS);
    this.registry.addInterval('broadcasts', timer);
  }

  /** Stops between chunks: the one in hand commits (or rolls back) before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  /** One tick at a time per process; concurrent callers share the running one. */
  tick(): Promise<void> {
    this.running ??= this.runAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runAll(): Promise<void> {
    for (const id of await this.broadcasts.listRunning(RUNNING_PER_TICK)) {
      while (!this.stopping && (await this.runChunk(id)) === 'more') {
        // The next chunk, from the cursor the last one committed.
      }
    }
  }

  /** One chunk of the broadcast, in one transaction with its cursor; the jobs go to the queue after commit. */
  async runChunk(broadcastId: string): Promise<ChunkState> {
    const now = this.clock.now();
    const run = await retryOnDeadlock(() =>
      this.db.transaction().execute(async (trx): Promise<ChunkRun> => {
        const broadcast = await this.broadcasts.lockRunning(trx, broadcastId);
        if (!broadcast) return { state: 'busy', jobs: NO_JOBS };
        const journey = await this.journeys.findShared(trx, broadcast.journey_id);
        if (!journey || journey.status === 'archived') {
          const ending = { status: 'cancelled', reason: 'journey_archived', at: now } as const;
          await this.broadcasts.end({ id: broadcastId }, ending, trx);
          return { state: 'done', jobs: NO_JOBS };
        }
        if (journey.status === 'paused') return { state: 'held', jobs: NO_JOBS };
        return this.enrollPage(trx, broadcast, journey, now);
      }),
    );
    if (run.jobs.add.length > 0 || run.jobs.remove.length > 0) {
      // Committed: what Redis does not take in time, the reconciler enqueues from PostgreSQL.
      await this.queue.handOff(async (q) => {
        await q.removeSteps(run.jobs.remove);
        await q.addSteps(run.jobs.add);
      });
    }
    if (run.state === 'done') this.logger.log({ broadcastId }, 'broadcast ended');
    return run.state;
  }

  private async enrollPage(
    trx: Executor,
    broadcast: Broadcast,
    journey: JourneyRecord,
    now: Date,
  ): Promise<ChunkRun> {
    const condition = broadcast.condition as Condition;
    // PostgreSQL selects (a superset where SQL cannot say it exactly); the journey's evaluation decides.
    const page = await this.customers.matching(trx, {
      where: customerConditionSql(condition).where,
      after: broadcast.cursor,
      limit: BROADCAST_CHUNK,
    });
    const matching = page.filter((c) => evaluateCondition(condition, { customer: toCustomerLike(c) }));
    const { outcomes, jobs } = await this.entry.enter(trx, {
      journey: {
        journeyId: journey.id,
        version: journey.version,
        definition: journey.definition as JourneyDefinition,
      },
      customers: matching,
      now,
      broadcastId: broadcast.id,
    });
    const count = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).length;
    const last = page.length < BROADCAST_CHUNK;
    await this.broadcasts.advance(
      trx,
      broadcast.id,
      {
        cursor: page.at(-1)?.id ?? broadcast.cursor,
        scanned: page.length,
        matched: matching.length,
        enrolled: count('enrolled'),
        alreadyEnrolled: count('already_enrolled'),
        notEligible: count('not_eligible'),
        last,
      },
      now,
    );
    return { state: last ? 'done' : 'more', jobs };
  }
}
