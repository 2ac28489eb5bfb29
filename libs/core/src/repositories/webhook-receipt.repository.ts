import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB, type Executor } from '../database/database.tokens';
import type { Database } from '../database/database.types';

/** Provider event ids already applied: webhooks arrive at least once, and are applied once. */
@Injectable()
export class WebhookReceiptRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /** True the first time an event id is seen; false for a redelivery. Run it in the transaction that applies the event. */
  async claim(executor: Executor, provider: string, eventId: string, at: Date): Promise<boolean> {
    const row = await executor
      .insertInto('webhook_receipts')
      .values({ provider, event_id: eventId, received_at: at })
      .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Receipts older than any redelivery window; providers retry for about a day. */
  async prune(before: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('webhook_receipts')
      .where('received_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
