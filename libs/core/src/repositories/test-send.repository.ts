import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';

/** A "send me a test" from the console, as sent (or refused): never a touchpoint. */
export interface TestSend {
  id: string;
  channel: string;
  to: string;
  mode: 'live' | 'sandbox';
  provider: string;
  providerMessageId: string | null;
  status: 'sent' | 'failed';
  error: string | null;
  rendered: Record<string, unknown>;
  keyId: string | null;
  at: Date;
}

@Injectable()
export class TestSendRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async record(send: TestSend): Promise<void> {
    await this.db
      .insertInto('test_sends')
      .values({
        id: send.id,
        channel: send.channel,
        to: send.to,
        mode: send.mode,
        provider: send.provider,
        provider_message_id: send.providerMessageId,
        status: send.status,
        error: send.error,
        rendered: JSON.stringify(send.rendered),
        key_id: send.keyId,
        at: send.at,
      })
      .execute();
  }
}
