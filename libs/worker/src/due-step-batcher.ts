import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Clock,
  CustomerRepository,
  DATABASE_HANDLE,
  EnrollmentRepository,
  EventRepository,
  JourneyRepository,
  QueueGateway,
  ScheduledStepRepository,
  TouchpointRepository,
  type DatabaseHandle,
} from '@touchpoint/core';
import { DueStepService, type DueStepOutcome, type PreloadedStep, type StepBatch } from './due-step.service';
import { FrequencyCaps } from './frequency-caps.service';
import { SendDispatcher } from './send-dispatcher.service';

/** Steps that come due together are decided together: at most this many in one transaction ... */
const MAX_BATCH = 250;
/** ... gathered over this long (a job waits at most this for its batch-mates). */
const WINDOW_MS = 4;

interface Pending {
  id: string;
  resolve: (outcome: DueStepOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches the steps jobs that run at the same moment (the 20,000 carts abandoned in the same minute come
 * due in the same second): one transaction, their rows read and locked in six queries instead of six
 * round trips each, one commit, their jobs added in one addBulk. The decision itself is DueStepService's,
 * step by step. A step another worker holds is decided on its own afterwards, and if the batch fails as a
 * whole (a bad row, a deadlock) every step of it is retried on its own, so one cannot fail the others.
 */
@Injectable()
export class DueStepBatcher {
  private readonly logger = new Logger(DueStepBatcher.name);
  private pending: Pending[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    private readonly steps: ScheduledStepRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly customers: CustomerRepository,
    private readonly journeys: JourneyRepository,
    private readonly events: EventRepository,
    private readonly frequencyCaps: FrequencyCaps,
    private readonly queue: QueueGateway,
    private readonly dueSteps: DueStepService,
    private readonly sends: SendDispatcher,
  ) {}

  /** Decides one due step, in a batch with whatever else comes due within a few milliseconds. */
  run(scheduledStepId: string): Promise<DueStepOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id: scheduledStepId, resolve, reject });
      if (this.pending.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), WINDOW_MS);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0, MAX_BATCH);
    if (this.pending.length > 0) this.timer = setTimeout(() => this.flush(), WINDOW_MS);
    if (batch.length > 0) void this.decide(batch);
  }

  private async decide(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]);
    let outcomes: Map<string, DueStepOutcome>;
    try {
      outcomes = await this.runMany([...new Set(batch.map((p) => p.id))]);
    } catch (error) {
      this.logger.warn(
        { err: error, steps: batch.length },
        'step batch failed: deciding its steps one by one',
      );
      await Promise.all(batch.map((p) => this.alone(p)));
      return;
    }
    await Promise.all(
      batch.map(async (p) => {
        const outcome = outcomes.get(p.id);
        // A webhook step calls out: decided on its own, with no batch transaction open meanwhile.
        if (outcome && outcome !== 'external') p.resolve(outcome);
        else await this.alone(p);
      }),
    );
  }

  private alone(p: Pending): Promise<void> {
    return this.dueSteps.run(p.id).then(p.resolve, p.reject);
  }

  /** Decides the steps it could lock in one transaction; those it could not are not in the result. */
  private async runMany(ids: string[]): Promise<Map<string, DueStepOutcome>> {
    const caps = await this.frequencyCaps.current();
    const outcomes = new Map<string, DueStepOutcome>();
    const work: StepBatch['work'] = { steps: [], sends: [] };
    await this.database.db.transaction().execute(async (trx) => {
      const rows = await this.preload(trx, ids);
      const now = this.clock.now();
      // Frequency caps count the decisions made so far, so with caps each decision is written at once.
      const writes = caps.length === 0 ? { ready: [], finished: [], ended: [] } : undefined;
      const batch: StepBatch = { trx, now, caps, work, rows, writes };
      for (const id of rows.keys()) outcomes.set(id, await this.dueSteps.run(id, batch));
      if (writes) {
        await this.touchpoints.markReadyMany(trx, writes.ready, now);
        await this.steps.finishMany(trx, writes.finished, 'done', now);
        await this.enrollments.endMany(trx, writes.ended, now);
      }
    });
    await this.queue.addSteps(work.steps);
    await this.sends.dispatch(work.sends);
    return outcomes;
  }

  /** Six queries for the whole batch: steps and enrollments locked, journeys, customers, triggers, touchpoints. */
  private async preload(trx: StepBatch['trx'], ids: string[]): Promise<Map<string, PreloadedStep>> {
    const steps = await this.steps.lockMany(trx, ids);
    const enrollments = new Map(
      (await this.enrollments.lockMany(trx, [...new Set(steps.map((s) => s.enrollment_id))])).map((e) => [
        e.id,
        e,
      ]),
    );
    const locked = steps.filter((s) => enrollments.has(s.enrollment_id));
    const list = locked.map((s) => enrollments.get(s.enrollment_id)!);
    const [statuses, customers, triggers, touchpoints] = [
      await this.journeys.statuses(
        list.map((e) => e.journey_id),
        trx,
      ),
      await this.customers.findMany(
        list.map((e) => e.customer_id),
        trx,
      ),
      await this.events.findMany(
        list.flatMap((e) => (e.trigger_event_id ? [e.trigger_event_id] : [])),
        trx,
      ),
      await this.touchpoints.lockForSteps(
        trx,
        locked.map((s) => ({ enrollmentId: s.enrollment_id, stepId: s.step_id, visit: s.visit })),
      ),
    ];
    // A touchpoint SKIP LOCKED left out is not "none": find which exist, and leave those steps out.
    const key = (s: { enrollment_id: string | null; step_id: string | null; visit: number }) =>
      `${s.enrollment_id}/${s.step_id}/${s.visit}`;
    const lockedTouchpoints = new Map(touchpoints.map((t) => [key(t), t]));
    const existing = await this.touchpoints.keysForSteps(
      trx,
      locked
        .filter((s) => !lockedTouchpoints.has(key(s)))
        .map((s) => ({ enrollmentId: s.enrollment_id, stepId: s.step_id, visit: s.visit })),
    );
    const rows = new Map<string, PreloadedStep>();
    for (const step of locked) {
      const touchpoint = lockedTouchpoints.get(key(step)) ?? null;
      if (!touchpoint && existing.has(key(step))) continue;
      const enrollment = enrollments.get(step.enrollment_id)!;
      rows.set(step.id, {
        step,
        enrollment,
        journeyStatus: statuses.get(enrollment.journey_id),
        customer: customers.get(enrollment.customer_id),
        trigger: enrollment.trigger_event_id ? triggers.get(enrollment.trigger_event_id) : undefined,
        touchpoint,
      });
    }
    return rows;
  }
}
