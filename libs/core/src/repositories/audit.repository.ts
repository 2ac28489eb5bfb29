import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DB } from '../database/database.tokens';
import type { AuditEntry, Database } from '../database/database.types';

export interface NewAuditEntry {
  at: Date;
  actor: { keyId: string | null; name: string; role: string | null };
  action: string;
  target?: { type: string; id?: string };
  detail?: Record<string, unknown>;
  ip?: string;
  requestId?: string;
}

export interface AuditFilter {
  action?: string;
  actorKeyId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** The audit trail: appended to, read newest first; the table refuses updates and deletes (0009). */
@Injectable()
export class AuditRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        at: entry.at,
        actor_key_id: entry.actor.keyId,
        actor_name: entry.actor.name,
        actor_role: entry.actor.role,
        action: entry.action,
        target_type: entry.target?.type ?? null,
        target_id: entry.target?.id ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
        ip: entry.ip ?? null,
        request_id: entry.requestId ?? null,
      })
      .execute();
  }

  /** A page, newest first, after the (at, id) cursor: one index range scan per filter. */
  page(filter: AuditFilter, limit: number, cursor?: { at: Date; id: string }): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actorKeyId) query = query.where('actor_key_id', '=', filter.actorKeyId);
    if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    if (cursor) query = query.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(cursor.at, cursor.id)));
    return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
