import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DB } from '../database/database.tokens';
import type { Database, StoredPushSubscription } from '../database/database.types';
import type { DueJob } from './scheduled-step.repository';

export interface Erasure {
  /** The customer's rows now carry this id instead of theirs: counts stay, the person is gone. */
  pseudonym: string;
  touchpoints: number;
  events: number;
  /** Pending steps cancelled with the running enrollments: their jobs are removed after commit. */
  cancelledSteps: DueJob[];
}

/**
 * The right to erasure: the customer's contact details and personal attributes go everywhere they were
 * copied (the customer row, touchpoint addresses and rendered messages, provider details, sandbox copies,
 * event properties, survey comments) and their id, which may itself be an email, becomes a random
 * pseudonym. Touchpoints, events and enrollments stay, anonymous, so funnels and conversions do not change.
 */
@Injectable()
export class CustomerErasureRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  erase(customerId: string, at: Date): Promise<Erasure | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('customers')
        .where('id', '=', customerId)
        .returningAll()
        .executeTakeFirst();
      if (!removed) return undefined;
      const pseudonym = `erased-${randomUUID()}`;
      // Every other column takes its default: no address, no attributes, no consent.
      await trx
        .insertInto('customers')
        .values({ id: pseudonym, created_at: removed.created_at, updated_at: at })
        .execute();

      const ended = await trx
        .updateTable('enrollments')
        .set({ status: 'exited', ended_at: at, end_reason: 'erased' })
        .where('customer_id', '=', customerId)
        .where('status', '=', 'active')
        .returning('id')
        .execute();
      const endedIds = ended.map((e) => e.id);
      const cancelledSteps =
        endedIds.length === 0
          ? []
          : await trx
              .updateTable('scheduled_steps')
              .set({ status: 'cancelled', updated_at: at })
              .where('enrollment_id', 'in', endedIds)
              .where('status', 'in', ['waiting', 'queued'])
              .returning(['id as scheduledStepId', 'due_at as dueAt'])
              .execute();
      const cancelled =
        endedIds.length === 0
          ? []
          : await trx
              .updateTable('touchpoints')
              .set({ status: 'cancelled', updated_at: at })
              .where('enrollment_id', 'in', endedIds)
              .where('status', '=', 'scheduled')
              .returning('id')
              .execute();
      if (cancelled.length > 0) {
        await trx
          .insertInto('touchpoint_events')
          .values(cancelled.map((t) => ({ touchpoint_id: t.id, status: 'cancelled' as const, at })))
          .execute();
      }
      // The context holds what steps found out about them (a webhook's answer): it goes with the rest.
      await trx
        .updateTable('enrollments')
        .set({ customer_id: pseudonym, context: '{}' })
        .where('customer_id', '=', customerId)
        .execute();

      const touchpoints = await trx
        .updateTable('touchpoints')
        .set({
          customer_id: pseudonym,
          to: null,
          rendered: null,
          details: null,
          error_message: null,
          comment: null,
          updated_at: at,
        })
        .where('customer_id', '=', customerId)
        .returning('id')
        .execute();
      const ids = touchpoints.map((t) => t.id);
      const mine = () => trx.selectFrom('touchpoints').select('id').where('customer_id', '=', pseudonym);
      if (ids.length > 0) {
        await trx
          .updateTable('touchpoint_events')
          .set({ detail: null })
          .where('touchpoint_id', 'in', mine())
          .execute();
      }
      const addresses = [
        removed.email,
        removed.phone,
        ...(removed.push_subscriptions as StoredPushSubscription[]).map((s) => s.endpoint),
        ...removed.fcm_tokens,
      ].filter((a): a is string => typeof a === 'string' && a.length > 0);
      await trx
        .deleteFrom('sandbox_messages')
        .where((eb) =>
          eb.or([
            eb('touchpoint_id', 'in', mine()),
            ...(addresses.length > 0 ? [eb('to', 'in', addresses)] : []),
          ]),
        )
        .execute();

      const events = await trx
        .updateTable('events')
        .set({ customer_id: pseudonym, properties: '{}' })
        .where('customer_id', '=', customerId)
        .executeTakeFirst();

      return {
        pseudonym,
        touchpoints: ids.length,
        events: Number(events.numUpdatedRows),
        cancelledSteps,
      };
    });
  }
}
