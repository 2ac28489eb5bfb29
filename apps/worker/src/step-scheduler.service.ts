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
} from '@touchpoint/core';
import type { JourneyDefinition, Plan } from '@touchpoint/journeys';

/**
 * Writes what the planner decided. A step due within the horizon is `queued` and its job is returned
 * for the caller to add after commit; a later one waits in PostgreSQL until the scheduler tick promotes it.
 */
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

  async apply(
    trx: Executor,
    enrollment: Pick<Enrollment, 'id' | 'journey_id' | 'journey_version' | 'customer_id'>,
    definition: JourneyDefinition,
    plan: Plan,
    now: Date,
  ): Promise<DueJob[]> {
    if (plan.variant) await this.enrollments.setVariant(trx, enrollment.id, plan.variant);
    if (plan.kind === 'end') {
      const status =
        plan.outcome === 'completed' ? 'completed' : plan.outcome === 'exited' ? 'exited' : 'holdout';
      await this.enrollments.end(trx, enrollment.id, status, plan.outcome, now);
      return [];
    }
    const queued = this.withinHorizon(plan.dueAt, now);
    const step = await this.steps.insert(trx, {
      enrollmentId: enrollment.id,
      stepId: plan.stepId,
      dueAt: plan.dueAt,
      queued,
      at: now,
      ...(plan.step.type === 'wait_for_event' ? { awaitsEvent: plan.step.event } : {}),
    });
    if (plan.step.type === 'send') {
      await this.touchpoints.createScheduled(trx, {
        enrollmentId: enrollment.id,
        stepId: plan.stepId,
        customerId: enrollment.customer_id,
        journeyId: enrollment.journey_id,
        journeyVersion: enrollment.journey_version,
        stage: definition.stage,
        channel: plan.step.channel,
        scheduledFor: plan.dueAt,
        at: now,
        visit: step.visit,
      });
    }
    return queued ? [{ scheduledStepId: step.id, dueAt: plan.dueAt }] : [];
  }
}
