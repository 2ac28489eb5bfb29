import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Clock,
  CustomerRepository,
  DB,
  EnrollmentRepository,
  EventRepository,
  QueueGateway,
  ScheduledStepRepository,
  TouchpointRepository,
  type Customer,
  type Database,
  type DueJob,
  type Executor,
  type StoredEvent,
} from '@touchpoint/core';
import {
  entryDecision,
  matchesAwaitedEvent,
  matchesTrigger,
  planFirst,
  planOnEvent,
} from '@touchpoint/journeys';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { toCustomerLike, toEventLike } from './customer-context';
import { EventBatch } from './event-batch';
import { JourneyCatalog, type ActiveJourney } from './journey-catalog.service';
import { StepScheduler } from './step-scheduler.service';

export interface EventsOutcome {
  processed: number;
  enrolled: number;
  exited: number;
  /** Waits (wait_for_event) the events ended before their timeout. */
  resumed: number;
}

interface Jobs {
  add: DueJob[];
  remove: DueJob[];
}

/**
 * Match: for each accepted event, exit the enrollments it ends, end the waits it answers (wait_for_event),
 * then enroll where a trigger matches.
 */
@Injectable()
export class EventProcessor {
  private readonly logger = new Logger(EventProcessor.name);

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly events: EventRepository,
    private readonly customers: CustomerRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly steps: ScheduledStepRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly catalog: JourneyCatalog,
    private readonly scheduler: StepScheduler,
    private readonly queue: QueueGateway,
  ) {}

  async process(eventIds: string[]): Promise<EventsOutcome> {
    const now = this.clock.now();
    const toAdd: DueJob[] = [];
    const toRemove: DueJob[] = [];
    const journeysByTrigger = await this.catalog.activeByTrigger();
    const outcome = await this.db.transaction().execute(async (trx) => {
      const claimed = await this.events.claim(trx, eventIds, now);
      claimed.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.id.localeCompare(b.id));
      // Goal events convert the touchpoints sent before them: recorded once, with the claim.
      await this.events.recordConversions(
        trx,
        claimed.map((e) => e.id),
      );
      const customers = await this.customers.findMany(
        claimed.map((e) => e.customer_id),
        trx,
      );
      // What the loop asks about each event, read for the whole batch at once (see EventBatch).
      const batch = await EventBatch.load(trx, claimed, journeysByTrigger, {
        enrollments: this.enrollments,
        steps: this.steps,
        events: this.events,
      });
      let enrolled = 0;
      let exited = 0;
      let resumed = 0;
      for (const event of claimed) {
        const exitedIds = batch.mayExit(event)
          ? await this.enrollments.exitOnEvent(trx, event.customer_id, event.name, now)
          : [];
        if (exitedIds.length > 0) {
          batch.touch(event.customer_id);
          exited += exitedIds.length;
          toRemove.push(...(await this.steps.cancelForEnrollments(trx, exitedIds, now)));
          await this.touchpoints.cancelForEnrollments(trx, exitedIds, now);
        }
        const customer = customers.get(event.customer_id);
        if (!customer) continue;
        const answered = batch.mayAnswerWait(event)
          ? await this.endWaits(trx, customer, event, now)
          : { add: [], remove: [], count: 0 };
        if (answered.count > 0) batch.touch(customer.id);
        resumed += answered.count;
        toAdd.push(...answered.add);
        toRemove.push(...answered.remove);
        for (const journey of journeysByTrigger.get(event.name) ?? []) {
          const jobs = await this.enroll(trx, journey, customer, event, now, batch);
          if (jobs) {
            enrolled++;
            toAdd.push(...jobs.add);
            toRemove.push(...jobs.remove);
          }
        }
      }
      const deferred = await this.enrollDeferred(trx, batch, now);
      enrolled += deferred.enrolled;
      toAdd.push(...deferred.add);
      // Last, so a goal event and the enrollment it converts meet whichever of them came in this batch.
      await this.enrollments.recordConversions(
        trx,
        claimed.map((e) => e.customer_id),
      );
      return { processed: claimed.length, enrolled, exited, resumed };
    });
    await this.queue.removeSteps(toRemove);
    await this.queue.addSteps(toAdd);
    if (outcome.processed > 0) this.logger.debug(outcome, 'events processed');
    return outcome;
  }

  /** The enrollments the batch deferred: one multi-row insert, then their first steps in a few more. */
  private async enrollDeferred(
    trx: Executor,
    batch: EventBatch,
    now: Date,
  ): Promise<{ enrolled: number; add: DueJob[] }> {
    if (batch.deferred.length === 0) return { enrolled: 0, add: [] };
    const wanted = batch.deferred.map((d) => ({ ...d, id: randomUUID() }));
    const inserted = await this.enrollments.enrollMany(
      trx,
      wanted.map((d) => ({
        id: d.id,
        journeyId: d.journey.journeyId,
        version: d.journey.version,
        customerId: d.customer.id,
        triggerEventId: d.event.id,
        at: now,
      })),
    );
    const byId = new Map<string, (typeof wanted)[number]>(wanted.map((d) => [d.id, d]));
    const items = inserted.map((enrollment) => {
      const { journey, customer, event } = byId.get(enrollment.id)!;
      const plan = planFirst(journey.definition, now, {
        customer: toCustomerLike(customer),
        event: toEventLike(event),
        enrollmentId: enrollment.id,
        journeyId: journey.journeyId,
      });
      return { enrollment, definition: journey.definition, plan };
    });
    return { enrolled: inserted.length, add: await this.scheduler.applyMany(trx, items, now) };
  }

  /**
   * The customer's enrollments waiting for this event (wait_for_event) stop waiting: the timeout step is
   * done and its job removed, and each continues with its onEvent. The event counts when it happened
   * before the timeout and not before the enrollment's trigger; a timeout already taken wins.
   */
  private async endWaits(
    trx: Executor,
    customer: Customer,
    event: StoredEvent,
    now: Date,
  ): Promise<Jobs & { count: number }> {
    const jobs: Jobs & { count: number } = { add: [], remove: [], count: 0 };
    for (const waiting of await this.steps.findAwaiting(trx, customer.id, event.name)) {
      const locked = await this.steps.lockWithEnrollment(trx, waiting.scheduledStepId);
      if (!locked) continue;
      const { step, enrollment } = locked;
      if (step.status === 'done' || step.status === 'cancelled' || enrollment.status !== 'active') continue;
      if (event.occurred_at.getTime() > step.due_at.getTime()) continue;
      const trigger = await this.events.find(enrollment.trigger_event_id, trx);
      if (trigger && event.occurred_at.getTime() < trigger.occurred_at.getTime()) continue;
      const definition = await this.catalog.version(enrollment.journey_id, enrollment.journey_version, trx);
      const stepDef = definition.steps.find((s) => s.id === step.step_id);
      const customerLike = toCustomerLike(customer);
      if (!stepDef || !matchesAwaitedEvent(stepDef, toEventLike(event), customerLike)) continue;
      await this.steps.finish(trx, step.id, 'done', now);
      jobs.remove.push(waiting);
      // Which of the awaited events ended the wait, for the branches that follow.
      const context = await this.enrollments.recordStepOutcome(trx, enrollment.id, stepDef.id, {
        outcome: 'event',
        event: event.name,
        at: event.occurred_at.toISOString(),
      });
      const plan = planOnEvent(definition, stepDef.id, now, {
        customer: customerLike,
        event: trigger && toEventLike(trigger),
        enrollmentId: enrollment.id,
        journeyId: enrollment.journey_id,
        context,
      });
      jobs.add.push(...(await this.scheduler.apply(trx, { enrollment, definition, plan, now })));
      jobs.count++;
    }
    return jobs;
  }

  /** Returns the jobs to add and remove, or undefined when the customer does not enter. */
  private async enroll(
    trx: Executor,
    journey: ActiveJourney,
    customer: Customer,
    event: StoredEvent,
    now: Date,
    batch?: EventBatch,
  ): Promise<Jobs | undefined> {
    const definition = journey.definition;
    const customerLike = toCustomerLike(customer);
    const eventLike = toEventLike(event);
    if (!matchesTrigger(definition, eventLike, customerLike)) return undefined;
    const history =
      batch?.history(journey.journeyId, customer.id) ??
      (await this.enrollments.history(trx, journey.journeyId, customer.id));
    const decision = entryDecision(definition, history, now);
    if (!decision.enter) return undefined;
    // An exit event that happened at or after the trigger but was processed first still wins.
    if (
      batch
        ? batch.happenedSince(customer.id, definition.exitOn, event.occurred_at)
        : await this.events.happenedSince(trx, customer.id, definition.exitOn, event.occurred_at)
    ) {
      return undefined;
    }
    if (batch && !decision.replacesActive && batch.canDefer(customer.id)) {
      // Inserted with the batch's other enrollments in enrollDeferred.
      batch.defer({ journey, customer, event });
      return undefined;
    }
    batch?.touch(customer.id);
    const remove: DueJob[] = [];
    if (decision.replacesActive) {
      // reentry `always`: one enrollment per customer at a time, so the newest trigger replaces the running one.
      const replaced = await this.enrollments.endActive(
        trx,
        { journeyId: journey.journeyId, customerId: customer.id },
        { status: 'exited', reason: 'reentered', at: now },
      );
      remove.push(...(await this.steps.cancelForEnrollments(trx, replaced, now)));
      await this.touchpoints.cancelForEnrollments(trx, replaced, now);
    }
    const enrollment = await this.enrollments.enroll(trx, {
      journeyId: journey.journeyId,
      version: journey.version,
      customerId: customer.id,
      triggerEventId: event.id,
      at: now,
    });
    if (!enrollment) return undefined;
    const plan = planFirst(definition, now, {
      customer: customerLike,
      event: eventLike,
      enrollmentId: enrollment.id,
      journeyId: journey.journeyId,
    });
    return { add: await this.scheduler.apply(trx, { enrollment, definition, plan, now }), remove };
  }
}
