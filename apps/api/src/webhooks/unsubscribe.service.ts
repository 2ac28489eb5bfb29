import { Injectable } from '@nestjs/common';
import { Clock, CustomerRepository, DB, TouchpointRepository, type Database } from '@touchpoint/core';
import { Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';

export interface UnsubscribeTarget {
  touchpointId: string;
  customerId: string;
  locale: string | null;
}

@Injectable()
export class UnsubscribeService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly touchpoints: TouchpointRepository,
    private readonly customers: CustomerRepository,
  ) {}

  async target(touchpointId: string): Promise<UnsubscribeTarget | undefined> {
    if (!UUID.test(touchpointId)) return undefined;
    const touchpoint = await this.touchpoints.find(touchpointId);
    if (!touchpoint) return undefined;
    const customer = await this.customers.find(touchpoint.customer_id);
    return { touchpointId, customerId: touchpoint.customer_id, locale: customer?.locale ?? null };
  }

  /** Revokes email consent and marks the touchpoint `unsubscribed`; doing it twice changes nothing more. */
  async unsubscribe(touchpointId: string): Promise<UnsubscribeTarget | undefined> {
    const target = await this.target(touchpointId);
    if (!target) return undefined;
    const now = this.clock.now();
    await this.customers.setConsent(target.customerId, 'email', false, now);
    await this.touchpoints.advance(this.db, touchpointId, {
      to: 'unsubscribed',
      at: now,
      set: {},
      detail: { source: 'link' },
    });
    return target;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
