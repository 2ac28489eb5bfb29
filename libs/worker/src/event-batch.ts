import type {
  Customer,
  EnrollmentRepository,
  EventRepository,
  Executor,
  ScheduledStepRepository,
  StoredEvent,
} from '@touchpoint/core';
import type { ActiveJourney } from './journey-catalog.service';

export interface EntryHistory {
  count: number;
  lastEnteredAt: Date | null;
  lastEndedAt: Date | null;
  active: boolean;
}

const NEVER_ENTERED: EntryHistory = { count: 0, lastEnteredAt: null, lastEndedAt: null, active: false };

/** An enrollment decided during the batch, inserted with the others when the batch ends. */
export interface DeferredEnrollment {
  journey: ActiveJourney;
  customer: Customer;
  event: StoredEvent;
}

/**
 * What a batch of events needs to know about its customers, read in four queries for the whole batch
 * instead of four per event: which running enrollments an event could end, which waits it could answer,
 * each customer's history in the journeys the events trigger, and when they last did an exit event.
 *
 * The answers hold until something is written for a customer in this batch (an exit, an answered wait, an
 * enrollment made on the spot): from then on that customer is "touched" and the processor asks the
 * database again. A customer with a single event in the batch and nothing written can have their
 * enrollment deferred to one multi-row insert at the end of the batch.
 */
export class EventBatch {
  readonly deferred: DeferredEnrollment[] = [];
  private readonly touched = new Set<string>();

  private constructor(
    private readonly eventsPerCustomer: Map<string, number>,
    private readonly exits: Map<string, Set<string>>,
    private readonly awaited: Map<string, Set<string>>,
    private readonly histories: Map<string, EntryHistory>,
    private readonly lastDone: Map<string, Map<string, Date>>,
  ) {}

  static async load(
    trx: Executor,
    events: StoredEvent[],
    journeysByTrigger: ReadonlyMap<string, ActiveJourney[]>,
    repositories: {
      enrollments: EnrollmentRepository;
      steps: ScheduledStepRepository;
      events: EventRepository;
    },
  ): Promise<EventBatch> {
    const eventsPerCustomer = new Map<string, number>();
    for (const e of events) {
      eventsPerCustomer.set(e.customer_id, (eventsPerCustomer.get(e.customer_id) ?? 0) + 1);
    }
    const customerIds = [...eventsPerCustomer.keys()];
    const journeys = [...new Set(events.flatMap((e) => journeysByTrigger.get(e.name) ?? []))];
    const exitNames = [...new Set(journeys.flatMap((j) => j.definition.exitOn))];
    const { enrollments, steps } = repositories;
    const exits = await enrollments.activeExitEvents(trx, customerIds);
    const awaited = await steps.awaitedEvents(trx, customerIds);
    const histories = new Map<string, EntryHistory>();
    for (const h of await enrollments.histories(
      trx,
      journeys.map((j) => j.journeyId),
      customerIds,
    )) {
      histories.set(`${h.journeyId}/${h.customerId}`, h);
    }
    const lastDone = await repositories.events.lastOccurrences(trx, customerIds, exitNames);
    return new EventBatch(eventsPerCustomer, exits, awaited, histories, lastDone);
  }

  /** Something was written for this customer: ask the database about them from now on. */
  touch(customerId: string): void {
    this.touched.add(customerId);
  }

  /** False when the event certainly ends none of the customer's running enrollments. */
  mayExit(event: StoredEvent): boolean {
    return (
      this.touched.has(event.customer_id) || (this.exits.get(event.customer_id)?.has(event.name) ?? false)
    );
  }

  /** False when no wait_for_event step of the customer waits for this event. */
  mayAnswerWait(event: StoredEvent): boolean {
    return (
      this.touched.has(event.customer_id) || (this.awaited.get(event.customer_id)?.has(event.name) ?? false)
    );
  }

  /** The customer's history in the journey, or undefined when it must be read again. */
  history(journeyId: string, customerId: string): EntryHistory | undefined {
    if (this.touched.has(customerId)) return undefined;
    return this.histories.get(`${journeyId}/${customerId}`) ?? NEVER_ENTERED;
  }

  /** Did the customer do one of `names` (exit events of a triggered journey) at or after `since`? */
  happenedSince(customerId: string, names: string[], since: Date): boolean {
    const last = this.lastDone.get(customerId);
    return names.some((name) => (last?.get(name)?.getTime() ?? -Infinity) >= since.getTime());
  }

  /** True when the customer's enrollment can wait for the batch's multi-row insert. */
  canDefer(customerId: string): boolean {
    return !this.touched.has(customerId) && this.eventsPerCustomer.get(customerId) === 1;
  }

  defer(enrollment: DeferredEnrollment): void {
    this.deferred.push(enrollment);
  }
}
