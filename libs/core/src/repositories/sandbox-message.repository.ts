import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';

export interface SandboxMessage {
  channel: string;
  to: string;
  subject?: string | null;
  body: string;
  html?: string | null;
  /** Null for a test send from the console, which is no touchpoint. */
  touchpointId: string | null;
  /** Set instead of `touchpointId` for a test send. */
  testSendId?: string | null;
  at: Date;
  /** A "send me a test" from the console (0008_console). */
  test?: boolean;
}

/** Where the sandbox adapters "send": the stored, rendered message. */
@Injectable()
export class SandboxMessageRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async record(entry: SandboxMessage): Promise<void> {
    await this.db
      .insertInto('sandbox_messages')
      .values({
        channel: entry.channel,
        to: entry.to,
        subject: entry.subject ?? null,
        body: entry.body,
        html: entry.html ?? null,
        touchpoint_id: entry.touchpointId,
        test_send_id: entry.testSendId ?? null,
        at: entry.at,
      })
      .execute();
  }

  async list(filter: { channel?: string; to?: string; limit: number }): Promise<SandboxMessage[]> {
    let q = this.db.selectFrom('sandbox_messages').selectAll().orderBy('id', 'desc').limit(filter.limit);
    if (filter.channel) q = q.where('channel', '=', filter.channel);
    if (filter.to) q = q.where('to', '=', filter.to);
    const rows = await q.execute();
    return rows.map((r) => ({
      channel: r.channel,
      to: r.to,
      subject: r.subject,
      body: r.body,
      html: r.html,
      touchpointId: r.touchpoint_id,
      at: r.at,
      test: r.test_send_id !== null,
    }));
  }
}
