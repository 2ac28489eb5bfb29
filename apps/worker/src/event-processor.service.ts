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
import { matchesTrigger, parseDuration, planFirst, type JourneyDefinition } from '@touchpoint/journeys';
import type { Kysely } from 'kysely';
import { toCustomerLike, toEventLike } from './customer-context';
import { JourneyCatalog, type ActiveJourney } from './journey-catalog.service';
import { StepScheduler } from './step-scheduler.service';

export interface EventsOutcome {
  processed: number;
  enrolled: number;
  exited: number;
}

/** Match: for each accepted event, exit the enrollments it ends, then enroll where a trigger matches. */
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
      const customers = await this.customers.findMany(
        claimed.map((e) => e.customer_id),
        trx,
      );
      let enrolled = 0;
      let exited = 0;
      for (const event of claimed) {
        const exitedIds = await this.enrollments.exitOnEvent(trx, event.customer_id, event.name, now);
        if (exitedIds.length > 0) {
          exited += exitedIds.length;
          toRemove.push(...(await this.steps.cancelForEnrollments(trx, exitedIds, now)));
          await this.touchpoints.cancelForEnrollments(trx, exitedIds, now);
        }
        const customer = customers.get(event.customer_id);
        if (!customer) continue;
        for (const journey of journeysByTrigger.get(event.name) ?? []) {
          const jobs = await this.enroll(trx, journey, customer, event, now);
          if (jobs) {
            enrolled++;
            toAdd.push(...jobs);
          }
        }
      }
      return { processed: claimed.length, enrolled, exited };
    });
    await this.queue.removeSteps(toRemove);
    await this.queue.addSteps(toAdd);
    if (outcome.processed > 0) this.logger.debug(outcome, 'events processed');
    return outcome;
  }

  /** Returns the jobs to add, or undefined when the customer does not enter. */
  private async enroll(
    trx: Executor,
    journey: ActiveJourney,
    customer: Customer,
    event: StoredEvent,
    now: Date,
  ): Promise<DueJob[] | undefined> {
    const definition = journey.definition;
    const customerLike = toCustomerLike(customer);
    const eventLike = toEventLike(event);
    if (!matchesTrigger(definition, eventLike, customerLike)) return undefined;
    if (!(await this.mayEnter(trx, journey, customer.id, now))) return undefined;
    // An exit event that happened at or after the trigger but was processed first still wins.
    if (await this.events.happenedSince(trx, customer.id, definition.exitOn, event.occurred_at))
      return undefined;
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
    return this.scheduler.apply(trx, enrollment, definition, plan, now);
  }

  private async mayEnter(
    trx: Executor,
    journey: ActiveJourney,
    customerId: string,
    now: Date,
  ): Promise<boolean> {
    const definition: JourneyDefinition = journey.definition;
    const history = await this.enrollments.history(trx, journey.journeyId, customerId);
    if (history.active) return false;
    if (history.count === 0) return true;
    if (definition.entryLimit !== undefined && history.count >= definition.entryLimit) return false;
    if (definition.reentry === 'never') return false;
    if (definition.reentryGap && history.lastEndedAt) {
      const gapMs = parseDuration(definition.reentryGap).toMillis();
      if (now.getTime() - history.lastEndedAt.getTime() < gapMs) return false;
    }
    return true;
  }
}
