import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CONFIG,
  Clock,
  CustomerRepository,
  DB,
  EventRepository,
  QueueGateway,
  type Config,
  type Database,
} from '@touchpoint/core';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { EventBody } from './event.schema';

/**
 * How long ingest waits for Redis to take the events job. The events are committed already: while Redis is
 * down the answer is still 202 within this bound, and the reconciler enqueues them once Redis is back.
 */
const ENQUEUE_BOUND_MS = 500;

/** Ingest: one multi-row insert, commit, then one job per batch. 202 only after the commit. */
@Injectable()
export class EventIngestService {
  private readonly logger = new Logger(EventIngestService.name);

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
    private readonly events: EventRepository,
    private readonly customers: CustomerRepository,
    private readonly queue: QueueGateway,
  ) {}

  async ingest(batch: EventBody[]): Promise<{ accepted: number; duplicates: number }> {
    const now = this.clock.now();
    const rows = batch.map((e) => ({
      id: e.id ?? randomUUID(),
      customerId: e.customerId,
      name: e.name,
      properties: e.properties,
      occurredAt: e.occurredAt ? new Date(e.occurredAt) : now,
    }));
    const accepted = await this.db.transaction().execute(async (trx) => {
      await this.customers.ensureExist(
        trx,
        rows.map((r) => r.customerId),
        now,
      );
      return this.events.insertMany(trx, rows, now);
    });
    // BullMQ's connection waits for Redis forever (maxRetriesPerRequest: null): bound the wait, not the job.
    const enqueued = this.queue.addEvents(accepted).then(
      () => true,
      (error: unknown) => {
        this.logger.warn({ err: error, events: accepted.length }, 'events stored but not enqueued');
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), ENQUEUE_BOUND_MS)),
    );
    if (!(await Promise.race([enqueued, bound])))
      // Stored durably already; the reconciler enqueues unprocessed events once Redis is back.
      this.logger.warn(
        { events: accepted.length },
        'Redis did not take the events job in time: left to the reconciler',
      );
    clearTimeout(timer);
    return { accepted: accepted.length, duplicates: rows.length - accepted.length };
  }
}
