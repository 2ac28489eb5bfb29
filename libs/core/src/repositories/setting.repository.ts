import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';

/** Settings keys, one per setting. */
export const SETTING_KEYS = {
  /** `{ caps: FrequencyCap[] }`, as `PUT /v1/settings/frequency-caps` stored it. */
  frequencyCaps: 'frequency_caps',
} as const;

@Injectable()
export class SettingRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value as T | undefined;
  }

  /** Stores `value` unless the key exists, and returns what is stored: the first of racing writers wins. */
  async putIfAbsent<T>(key: string, value: T, at: Date): Promise<T> {
    await this.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return (await this.get<T>(key)) as T;
  }

  async put(key: string, value: unknown, at: Date): Promise<void> {
    const json = JSON.stringify(value);
    await this.db
      .insertInto('settings')
      .values({ key, value: json, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
      .execute();
  }
}
