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
    // Committed: 202 whatever Redis does; what it does not take in time, the reconciler enqueues later.
    const handoff = await this.queue.handOff((q) => q.addEvents(accepted));
    if (!handoff.taken) {
      this.logger.warn(
        { events: accepted.length, err: handoff.error },
        'Redis did not take the events job in time: left to the reconciler',
      );
    }
    return { accepted: accepted.length, duplicates: rows.length - accepted.length };
  }
}
