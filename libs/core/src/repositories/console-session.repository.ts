import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { DB } from '../database/database.tokens';
import type { Database, Role } from '../database/database.types';

/** Session ids are 32 random bytes: a plain SHA-256 keeps a database leak from replaying them. */
const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('hex');

export interface ConsoleSession {
  keyId: string;
  name: string;
  role: Role;
  csrfToken: string;
  lastUsedAt: Date;
  expiresAt: Date;
}

@Injectable()
export class ConsoleSessionRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async create(input: {
    id: string;
    keyId: string;
    csrfToken: string;
    at: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.db
      .insertInto('console_sessions')
      .values({
        id_hash: hashSessionId(input.id),
        key_id: input.keyId,
        csrf_token: input.csrfToken,
        created_at: input.at,
        last_used_at: input.at,
        expires_at: input.expiresAt,
      })
      .execute();
  }

  /** The live session with this id, with its key; none once expired or its key is revoked. */
  async findLive(id: string, now: Date): Promise<ConsoleSession | undefined> {
    const row = await this.db
      .selectFrom('console_sessions as s')
      .innerJoin('api_keys as k', 'k.id', 's.key_id')
      .select(['s.key_id', 'k.name', 'k.role', 's.csrf_token', 's.last_used_at', 's.expires_at'])
      .where('s.id_hash', '=', hashSessionId(id))
      .where('s.expires_at', '>', now)
      .where('k.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', now)]))
      .executeTakeFirst();
    return (
      row && {
        keyId: row.key_id,
        name: row.name,
        role: row.role,
        csrfToken: row.csrf_token,
        lastUsedAt: row.last_used_at,
        expiresAt: row.expires_at,
      }
    );
  }

  /** Slides the idle expiry; never shortens it (two requests may race). */
  async touch(id: string, at: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('console_sessions')
      .set({ last_used_at: at, expires_at: expiresAt })
      .where('id_hash', '=', hashSessionId(id))
      .where('expires_at', '<', expiresAt)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('console_sessions')
      .where('id_hash', '=', hashSessionId(id))
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Expired sessions are dead already; this only keeps the table small. */
  async deleteExpired(now: Date): Promise<number> {
    const r = await this.db.deleteFrom('console_sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
