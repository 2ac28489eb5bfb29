import { Inject, Injectable } from '@nestjs/common';
import {
  CONFIG,
  EnrollmentRepository,
  ScheduledStepRepository,
  TouchpointRepository,
  type Config,
  type DueJob,
  type Enrollment,
  type Executor,
  type StepWaits,
  type TouchpointChannel,
} from '@touchpoint/core';
import {
  awaitedEvents,
  messageExpiry,
  type JourneyDefinition,
  type Plan,
  type Step,
} from '@touchpoint/journeys';

/** Writes a batch of steps makes at its end, one statement each, instead of one round trip per step. */
export interface DeferredStepWrites {
  /** Touchpoints rendered and ready to send. */
  ready: { id: string; to: string; rendered: Record<string, unknown> }[];
  /** Steps done. */
  finished: string[];
  /** Enrollments at their end. */
  ended: { id: string; status: 'completed' | 'exited' | 'holdout'; reason: string }[];
}

/**
 * Writes what the planner decided. A step due within the horizon is `queued` and its job is returned
 * for the caller to add after commit; a later one waits in PostgreSQL until the scheduler tick promotes it.
 */
/** A plan for an enrollment, to write down: its next step and touchpoint, or its end. */
export interface PlanToApply {
  enrollment: Pick<Enrollment, 'id' | 'journey_id' | 'journey_version' | 'customer_id'>;
  definition: JourneyDefinition;
  plan: Plan;
  now: Date;
  /** When set, the routine writes wait for the batch's end (see DeferredStepWrites). */
  deferred?: DeferredStepWrites;
}

@Injectable()
export class StepScheduler {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly steps: ScheduledStepRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly enrollments: EnrollmentRepository,
  ) {}

  withinHorizon(dueAt: Date, now: Date): boolean {
    return dueAt.getTime() <= now.getTime() + this.config.SCHEDULE_HORIZON_MS;
  }

  async apply(trx: Executor, input: PlanToApply): Promise<DueJob[]> {
    const { enrollment, definition, plan, now, deferred } = input;
    if (plan.variant) await this.enrollments.setVariant(trx, enrollment.id, plan.variant);
    if (plan.kind === 'end') {
      const status =
        plan.outcome === 'completed' ? 'completed' : plan.outcome === 'exited' ? 'exited' : 'holdout';
      if (deferred) deferred.ended.push({ id: enrollment.id, status, reason: plan.outcome });
      else await this.enrollments.end(trx, enrollment.id, { status, reason: plan.outcome, at: now });
      return [];
    }
    const queued = this.withinHorizon(plan.dueAt, now);
    const step = await this.steps.insert(trx, {
      enrollmentId: enrollment.id,
      stepId: plan.stepId,
      dueAt: plan.dueAt,
      queued,
      at: now,
      ...stepWaits(plan.step),
    });
    const touchpoint = touchpointOf(definition, plan);
    if (touchpoint) {
      await this.touchpoints.createScheduled(trx, {
        enrollmentId: enrollment.id,
        stepId: plan.stepId,
        customerId: enrollment.customer_id,
        journeyId: enrollment.journey_id,
        journeyVersion: enrollment.journey_version,
        stage: definition.stage,
        ...touchpoint,
        scheduledFor: plan.dueAt,
        at: now,
        visit: step.visit,
      });
    }
    return queued ? [{ scheduledStepId: step.id, dueAt: plan.dueAt }] : [];
  }

  /**
   * `apply` for enrollments just made (a batch of events enrolling thousands): their first steps, and the
   * touchpoints of those that send, in multi-row inserts. First steps only: no earlier visit to reuse. A plan with a variant or an end goes
   * through `apply` as before: they are few, and it keeps one place that knows them.
   */
  async applyMany(
    trx: Executor,
    items: {
      enrollment: Pick<Enrollment, 'id' | 'journey_id' | 'journey_version' | 'customer_id'>;
      definition: JourneyDefinition;
      plan: Plan;
    }[],
    now: Date,
  ): Promise<DueJob[]> {
    const jobs: DueJob[] = [];
    const plain: { item: (typeof items)[number]; plan: Extract<Plan, { kind: 'due' }> }[] = [];
    for (const item of items) {
      const { plan } = item;
      if (plan.kind === 'end' || plan.variant) {
        jobs.push(
          ...(await this.apply(trx, { enrollment: item.enrollment, definition: item.definition, plan, now })),
        );
      } else {
        plain.push({ item, plan });
      }
    }
    const ids = await this.steps.insertMany(
      trx,
      plain.map(({ item, plan }) => ({
        enrollmentId: item.enrollment.id,
        stepId: plan.stepId,
        dueAt: plan.dueAt,
        queued: this.withinHorizon(plan.dueAt, now),
        at: now,
        ...stepWaits(plan.step),
      })),
    );
    await this.touchpoints.createScheduledMany(
      trx,
      plain.flatMap(({ item, plan }) => {
        const touchpoint = touchpointOf(item.definition, plan);
        return touchpoint
          ? [
              {
                enrollmentId: item.enrollment.id,
                stepId: plan.stepId,
                customerId: item.enrollment.customer_id,
                journeyId: item.enrollment.journey_id,
                journeyVersion: item.enrollment.journey_version,
                stage: item.definition.stage,
                ...touchpoint,
                scheduledFor: plan.dueAt,
                at: now,
              },
            ]
          : [];
      }),
    );
    plain.forEach(({ plan }, i) => {
      if (this.withinHorizon(plan.dueAt, now)) jobs.push({ scheduledStepId: ids[i], dueAt: plan.dueAt });
    });
    return jobs;
  }
}

/** The touchpoint a planned step logs: a send's message, a webhook's call; null for the other steps. */
function touchpointOf(
  definition: JourneyDefinition,
  plan: Extract<Plan, { kind: 'due' }>,
): { channel: TouchpointChannel; expiresAt?: Date } | null {
  if (plan.step.type === 'send') {
    return { channel: plan.step.channel, expiresAt: messageExpiry(definition, plan.step, plan.dueAt) };
  }
  return plan.step.type === 'webhook' ? { channel: 'webhook' } : null;
}

/** What a planned step waits for besides its due time: the events of a wait_for_event, the attribute of a wait_for_attribute. */
function stepWaits(step: Step): StepWaits {
  if (step.type === 'wait_for_event') return { awaitsEvents: awaitedEvents(step) };
  if (step.type === 'wait_for_attribute') return { awaitsAttribute: step.attribute };
  return {};
}
