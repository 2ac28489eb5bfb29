import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DB } from '../database/database.tokens';
import type { ApiKey, Database, Role } from '../database/database.types';

/** Keys are 32 random bytes, so a plain SHA-256 is the right hash: there is nothing to brute-force. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');
export const generateApiKey = (): string => `tp_${randomBytes(32).toString('base64url')}`;

@Injectable()
export class ApiKeyRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  findActiveByKey(key: string): Promise<ApiKey | undefined> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', hashApiKey(key))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  async create(input: { name: string; role: Role; key: string; at: Date }): Promise<ApiKey> {
    return this.db
      .insertInto('api_keys')
      .values({
        id: randomUUID(),
        name: input.name,
        role: input.role,
        key_hash: hashApiKey(input.key),
        created_at: input.at,
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
    return this.db
      .selectFrom('api_keys')
      .select(['id', 'name', 'role', 'created_at', 'revoked_at'])
      .orderBy('created_at')
      .execute();
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
