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
    try {
      await this.queue.addEvents(accepted);
    } catch (error) {
      // Stored durably already; the reconciler enqueues unprocessed events once Redis is back.
      this.logger.warn({ err: error, events: accepted.length }, 'events stored but not enqueued');
    }
    return { accepted: accepted.length, duplicates: rows.length - accepted.length };
  }
}
