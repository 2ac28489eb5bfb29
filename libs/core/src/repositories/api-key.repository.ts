import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DB } from '../database/database.tokens';
import type { ApiKey, Database, Role } from '../database/database.types';

/** Keys are 32 random bytes, so a plain SHA-256 is the right hash: there is nothing to brute-force. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');
export const generateApiKey = (): string => `tp_${randomBytes(32).toString('base64url')}`;

/** Every column but the hash: what a list or a look-up may show. */
const LISTED = [
  'id',
  'name',
  'role',
  'created_at',
  'revoked_at',
  'expires_at',
  'last_used_at',
  'rotated_from',
] as const;

@Injectable()
export class ApiKeyRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /** The key, unless it is revoked or expired by `now`. */
  findActiveByKey(key: string, now: Date): Promise<ApiKey | undefined> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', hashApiKey(key))
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
  }

  async create(input: {
    name: string;
    role: Role;
    key: string;
    at: Date;
    expiresAt?: Date;
    rotatedFrom?: string;
  }): Promise<ApiKey> {
    return this.db
      .insertInto('api_keys')
      .values({
        id: randomUUID(),
        name: input.name,
        role: input.role,
        key_hash: hashApiKey(input.key),
        created_at: input.at,
        expires_at: input.expiresAt ?? null,
        rotated_from: input.rotatedFrom ?? null,
      })
      .onConflict((oc) => oc.column('key_hash').doUpdateSet({ revoked_at: null, role: input.role }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async countByRole(role: Role): Promise<number> {
    const row = await this.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', role)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  list(): Promise<Omit<ApiKey, 'key_hash'>[]> {
    return this.db.selectFrom('api_keys').select(LISTED).orderBy('created_at').execute();
  }

  find(id: string): Promise<Omit<ApiKey, 'key_hash'> | undefined> {
    return this.db.selectFrom('api_keys').select(LISTED).where('id', '=', id).executeTakeFirst();
  }

  /** Notes a use; at most one write a minute per key, however busy it is. */
  async markUsed(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(at.getTime() - 60_000))]),
      )
      .execute();
  }

  /**
   * A new key with the old one's name and role; the old one stays valid until `graceUntil` (or its own
   * expiry, if sooner). Undefined when the old key is unknown, revoked or expired.
   */
  async rotate(
    id: string,
    { key, at, graceUntil, expiresAt }: { key: string; at: Date; graceUntil: Date; expiresAt?: Date },
  ): Promise<{ created: ApiKey; oldExpiresAt: Date } | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const old = await trx
        .selectFrom('api_keys')
        .select(['id', 'name', 'role', 'expires_at'])
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
        .forUpdate()
        .executeTakeFirst();
      if (!old) return undefined;
      const oldExpiresAt = old.expires_at && old.expires_at < graceUntil ? old.expires_at : graceUntil;
      await trx.updateTable('api_keys').set({ expires_at: oldExpiresAt }).where('id', '=', id).execute();
      const created = await trx
        .insertInto('api_keys')
        .values({
          id: randomUUID(),
          name: old.name,
          role: old.role,
          key_hash: hashApiKey(key),
          created_at: at,
          expires_at: expiresAt ?? null,
          rotated_from: old.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { created, oldExpiresAt };
    });
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
