import { Injectable } from '@nestjs/common';
import {
  EnrollmentRepository,
  ScheduledStepRepository,
  TouchpointRepository,
  type Customer,
  type DueJob,
  type Executor,
} from '@touchpoint/core';
import { entryDecision, planFirst, type EntryHistory, type JourneyDefinition } from '@touchpoint/journeys';
import { randomUUID } from 'node:crypto';
import { toCustomerLike } from './customer-context';
import { StepScheduler } from './step-scheduler.service';

/** What an entry asked without a trigger event did for one customer. */
export type EntryOutcome =
  | { customerId: string; outcome: 'enrolled'; enrollmentId: string }
  | { customerId: string; outcome: 'already_enrolled' }
  | { customerId: string; outcome: 'not_eligible'; reason: 'entered_before' | 'entry_limit' | 'reentry_gap' };

export interface EntryRequest {
  journey: { journeyId: string; version: number; definition: JourneyDefinition };
  /** Distinct customers. */
  customers: Customer[];
  now: Date;
  /** The broadcast enrolling them, if one is. */
  broadcastId?: string;
}

export interface EntryResult {
  outcomes: EntryOutcome[];
  /** Jobs for the caller to hand to the queue once the transaction has committed. */
  jobs: { add: DueJob[]; remove: DueJob[] };
}

const NO_HISTORY: EntryHistory = { count: 0, active: false, lastEnteredAt: null, lastEndedAt: null };

/**
 * Enrolls customers in a journey version as its trigger would, for the requests that have no trigger
 * event (enrollments by id, broadcasts): the same re-entry rules (entryDecision on each customer's
 * history), the same first plan (a split's holdout and variant included), the same step writes. Frequency
 * caps, quiet hours and consent apply later, when each message is sent. The trigger's `where` is not
 * evaluated: the request is the trigger.
 */
@Injectable()
export class JourneyEntry {
  constructor(
    private readonly enrollments: EnrollmentRepository,
    private readonly steps: ScheduledStepRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly scheduler: StepScheduler,
  ) {}

  async enter(trx: Executor, request: EntryRequest): Promise<EntryResult> {
    const { journey, customers, now } = request;
    const histories = await this.enrollments.histories(
      trx,
      [journey.journeyId],
      customers.map((c) => c.id),
    );
    const historyOf = new Map(histories.map((h) => [h.customerId, h]));
    const refused = new Map<string, EntryOutcome>();
    const entering: { customer: Customer; replacesActive: boolean }[] = [];
    for (const customer of customers) {
      const decision = entryDecision(journey.definition, historyOf.get(customer.id) ?? NO_HISTORY, now);
      if (decision.enter) {
        entering.push({ customer, replacesActive: decision.replacesActive });
      } else {
        refused.set(customer.id, refusal(customer.id, decision.reason));
      }
    }
    const remove = await this.endReplaced(
      trx,
      journey.journeyId,
      entering.filter((e) => e.replacesActive).map((e) => e.customer.id),
      now,
    );
    const { enrolled, add } = await this.enroll(
      trx,
      request,
      entering.map((e) => e.customer),
    );
    const outcomes = customers.map(
      (c): EntryOutcome =>
        refused.get(c.id) ??
        (enrolled.has(c.id)
          ? { customerId: c.id, outcome: 'enrolled', enrollmentId: enrolled.get(c.id)! }
          : // Enrolled meanwhile by another worker, or by this broadcast before.
            { customerId: c.id, outcome: 'already_enrolled' }),
    );
    return { outcomes, jobs: { add, remove } };
  }

  /** Re-entry `always`: the running enrollments end (`reentered`) and what they had not sent is cancelled. */
  private async endReplaced(
    trx: Executor,
    journeyId: string,
    customerIds: string[],
    now: Date,
  ): Promise<DueJob[]> {
    const replaced = await this.enrollments.endActiveMany(
      trx,
      { journeyId, customerIds },
      { status: 'exited', reason: 'reentered', at: now },
    );
    if (replaced.length === 0) return [];
    const remove = await this.steps.cancelForEnrollments(trx, replaced, now);
    await this.touchpoints.cancelForEnrollments(trx, replaced, now);
    return remove;
  }

  /** One multi-row insert, then the first steps of those inserted; returns their ids by customer. */
  private async enroll(
    trx: Executor,
    request: EntryRequest,
    customers: Customer[],
  ): Promise<{ enrolled: Map<string, string>; add: DueJob[] }> {
    const { journey, now } = request;
    const byId = new Map(customers.map((c) => [c.id, c]));
    const inserted = await this.enrollments.enrollMany(
      trx,
      customers.map((customer) => ({
        id: randomUUID(),
        journeyId: journey.journeyId,
        version: journey.version,
        customerId: customer.id,
        triggerEventId: null,
        broadcastId: request.broadcastId,
        at: now,
      })),
    );
    const items = inserted.map((enrollment) => ({
      enrollment,
      definition: journey.definition,
      plan: planFirst(journey.definition, now, {
        customer: toCustomerLike(byId.get(enrollment.customer_id)!),
        enrollmentId: enrollment.id,
        journeyId: journey.journeyId,
      }),
    }));
    const add = await this.scheduler.applyMany(trx, items, now);
    return { enrolled: new Map(inserted.map((e) => [e.customer_id, e.id])), add };
  }
}

function refusal(
  customerId: string,
  reason: 'already_enrolled' | 'entered_before' | 'entry_limit' | 'reentry_gap',
): EntryOutcome {
  return reason === 'already_enrolled'
    ? { customerId, outcome: 'already_enrolled' }
    : { customerId, outcome: 'not_eligible', reason };
}
