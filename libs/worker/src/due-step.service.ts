import { Inject, Injectable } from '@nestjs/common';
import {
  fcmAddress,
  TemplateRenderer,
  TemplateRenderError,
  type Channel,
  type ChannelTemplate,
} from '@touchpoint/channels';
import {
  Clock,
  CustomerRepository,
  EventRepository,
  EnrollmentRepository,
  DB,
  JourneyRepository,
  QueueGateway,
  ScheduledStepRepository,
  SurveyLinks,
  UnsubscribeLinks,
  TouchpointRepository,
  type Customer,
  type Database,
  type DueJob,
  type Enrollment,
  type Executor,
  type JourneyStatus,
  type ScheduledStep,
  type StoredEvent,
  type Touchpoint,
} from '@touchpoint/core';
import {
  applyQuietHours,
  capWindowStart,
  deliveryBlocker,
  isCapped,
  evaluateCondition,
  planAfter,
  planOnChange,
  planOnTimeout,
  type FrequencyCap,
  type JourneyDefinition,
  type Plan,
  type PlanContext,
  type Step,
  type WaitForAttributeStep,
  updateAttributes,
} from '@touchpoint/journeys';
import { sql, type Kysely } from 'kysely';
import { templateCustomer, templateEvent, toCustomerLike, toEventLike } from './customer-context';
import { FrequencyCaps } from './frequency-caps.service';
import { JourneyCatalog } from './journey-catalog.service';
import { StepScheduler, type DeferredStepWrites } from './step-scheduler.service';
import { WebhookSteps, type WebhookAnswer, type WebhookCall } from './webhook-steps.service';

/** Advisory-lock namespace for a customer's send decisions (`pg_advisory_xact_lock(space, hashtext(id))`). */
const CUSTOMER_SENDS_LOCK = 0x7470_0004;

/** A job may fire a little early (clock skew between Redis and us); more than this and it is stale. */
const EARLY_TOLERANCE_MS = 1_000;

export type DueStepOutcome =
  | 'missing'
  | 'already_done'
  | 'not_due'
  | 'cancelled'
  | 'paused'
  | 'held'
  | 'suppressed'
  | 'failed'
  | 'ready'
  | 'advanced'
  /** A wait_for_attribute woken by a change its condition does not accept: it waits on. */
  | 'waiting'
  /** A webhook whose call failed in a way worth another attempt, rescheduled after a backoff. */
  | 'retrying'
  /** A webhook in a batch: it calls out, so it is decided on its own, outside the batch's transaction. */
  | 'external';

type SendStep = Extract<Step, { type: 'send' }>;

interface Work {
  steps: DueJob[];
  sends: { id: string; channel: Channel }[];
}

/** A step's rows, read and locked ahead by DueStepBatcher together with the other steps of its batch. */
export interface PreloadedStep {
  step: ScheduledStep;
  enrollment: Enrollment;
  journeyStatus: JourneyStatus | undefined;
  customer: Customer | undefined;
  trigger: StoredEvent | undefined;
  /** Its send step's touchpoint, locked (null: there is none). */
  touchpoint: Touchpoint | null;
}

/** Steps decided in one transaction: their rows preloaded, their jobs added once after the commit. */
export interface StepBatch {
  trx: Executor;
  now: Date;
  caps: FrequencyCap[];
  work: Work;
  rows: ReadonlyMap<string, PreloadedStep>;
  /** When set, the batch's routine writes wait for its end (see DeferredStepWrites). */
  writes?: DeferredStepWrites;
}

/** Decide: when a step comes due, re-check everything under a row lock, then render or re-plan. */
@Injectable()
export class DueStepService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly steps: ScheduledStepRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly customers: CustomerRepository,
    private readonly events: EventRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly journeys: JourneyRepository,
    private readonly catalog: JourneyCatalog,
    private readonly scheduler: StepScheduler,
    private readonly renderer: TemplateRenderer,
    private readonly surveyLinks: SurveyLinks,
    private readonly unsubscribeLinks: UnsubscribeLinks,
    private readonly queue: QueueGateway,
    private readonly frequencyCaps: FrequencyCaps,
    private readonly webhooks: WebhookSteps,
  ) {}

  /** Decides one step; inside a `batch`, in the batch's transaction with its rows already read. */
  async run(scheduledStepId: string, batch?: StepBatch): Promise<DueStepOutcome> {
    const now = batch?.now ?? this.clock.now();
    const work: Work = batch?.work ?? { steps: [], sends: [] };
    // Read before the transaction: embedded PGlite has one connection.
    const caps = batch?.caps ?? (await this.frequencyCaps.current());
    const pre = batch?.rows.get(scheduledStepId);
    /** A webhook's request, made between the transaction that prepares it and the one that settles it. */
    let call: WebhookCall | undefined;
    let answer: WebhookAnswer | undefined;
    const decide = async (trx: Executor): Promise<DueStepOutcome> => {
      const locked = pre ?? (await this.steps.lockWithEnrollment(trx, scheduledStepId));
      if (!locked) return 'missing';
      const { step, enrollment } = locked;
      if (step.status === 'done' || step.status === 'cancelled') return 'already_done';
      if (step.due_at.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return 'not_due';
      const journeyStatus = pre ? pre.journeyStatus : await this.journeys.status(enrollment.journey_id, trx);
      if (enrollment.status !== 'active' || journeyStatus === 'archived') {
        await this.steps.finish(trx, step.id, 'cancelled', now);
        await this.touchpoints.cancelForEnrollments(trx, [enrollment.id], now);
        return 'cancelled';
      }
      if (journeyStatus === 'paused') {
        // Held in PostgreSQL; resume promotes it again. Nothing is lost.
        await this.steps.reschedule(trx, step.id, step.due_at, false, now);
        return 'paused';
      }
      const definition = await this.catalog.version(enrollment.journey_id, enrollment.journey_version, trx);
      const stepDef = definition.steps.find((s) => s.id === step.step_id);
      if (!stepDef) {
        throw new Error(
          `step ${step.step_id} is not in journey ${enrollment.journey_id}@${enrollment.journey_version}`,
        );
      }
      const customer = pre ? pre.customer : await this.customers.find(enrollment.customer_id, trx);
      if (!customer) {
        throw new Error(`customer ${enrollment.customer_id} of enrollment ${enrollment.id} is gone`);
      }
      const trigger = pre ? pre.trigger : await this.events.find(enrollment.trigger_event_id, trx);
      const ctx: PlanContext = {
        customer: toCustomerLike(customer),
        event: trigger && toEventLike(trigger),
        enrollmentId: enrollment.id,
        journeyId: enrollment.journey_id,
        context: enrollment.context,
      };
      const scope = {
        customer: templateCustomer(customer),
        event: templateEvent(trigger),
        journey: {
          id: enrollment.journey_id,
          name: definition.name,
          version: enrollment.journey_version,
          stage: definition.stage,
        },
      };

      let result: DueStepOutcome = 'advanced';
      /** How a wait ended, which picks the way on; undefined: the step's successor. */
      let ended: 'timeout' | 'changed' | undefined;
      // Every step type is named here: a new one that is not fails to compile (and to lint).
      switch (stepDef.type) {
        case 'send':
          result = await this.decideSend(trx, {
            step,
            enrollment,
            definition,
            stepDef,
            customer,
            scope,
            now,
            work,
            caps,
            touchpoint: pre?.touchpoint,
            writes: batch?.writes,
          });
          if (result === 'held') return result;
          break;
        case 'update_attributes': {
          // In the transaction that marks the step done, under its row lock: a redelivered job finds the
          // step done and changes nothing, so an increment counts once per visit.
          const updated = await this.customers.updateAttributes(
            trx,
            customer.id,
            (attributes) => updateAttributes(attributes, stepDef, now),
            now,
          );
          if (updated) ctx.customer = toCustomerLike(updated);
          break;
        }
        case 'webhook': {
          if (batch) return 'external';
          const decision = await this.webhooks.decide(trx, {
            step,
            enrollment,
            stepDef,
            touchpoint: await this.touchpoints.findForStep(trx, enrollment.id, stepDef.id, step.visit),
            scope,
            now,
            jobs: work.steps,
            answer,
          });
          if (decision.kind === 'call') {
            call = decision.call;
            return 'ready';
          }
          if (decision.kind === 'retry') return 'retrying';
          if (decision.context) ctx.context = decision.context;
          if (!decision.ok) result = 'failed';
          break;
        }
        case 'wait_for_event':
          // A due wait_for_event is its timeout: an awaited event would have ended it (EventProcessor).
          ctx.context = await this.enrollments.recordStepOutcome(trx, enrollment.id, stepDef.id, {
            outcome: 'timeout',
          });
          ended = 'timeout';
          break;
        case 'wait_for_attribute': {
          const outcome = await this.endAttributeWait(trx, { step, enrollment, stepDef, ctx, now, work });
          if (outcome === 'waiting') return 'waiting';
          ended = outcome;
          break;
        }
        // A due branch (after a wait) is decided by the planner on what is true now; waits, splits and exits
        // are resolved on the way to the next due step.
        case 'wait':
        case 'branch':
        case 'split':
        case 'exit':
          break;
        default:
          return unhandledStep(stepDef);
      }
      if (batch?.writes) batch.writes.finished.push(step.id);
      else await this.steps.finish(trx, step.id, 'done', now);
      const plan: Plan =
        ended === 'timeout'
          ? planOnTimeout(definition, stepDef.id, now, ctx)
          : ended === 'changed'
            ? planOnChange(definition, stepDef.id, now, ctx)
            : planAfter(definition, stepDef.id, now, ctx);
      work.steps.push(...(await this.scheduler.apply(trx, enrollment, definition, plan, now, batch?.writes)));
      return result;
    };
    if (batch) return decide(batch.trx);
    let outcome = await this.db.transaction().execute(decide);
    if (call) {
      // No transaction (and no row lock) is held while the receiver answers; the second one re-checks all.
      answer = { call, response: await this.webhooks.call(call) };
      outcome = await this.db.transaction().execute(decide);
    }
    await this.queue.addSteps(work.steps);
    await this.queue.addSends(work.sends);
    return outcome;
  }

  /**
   * A due wait_for_attribute: the attribute changed (the trigger on customers made it due early) and the
   * change is accepted, or it timed out; the outcome goes into the enrollment's context for later branches.
   * A change its `where` refuses re-arms the wait until its timeout.
   */
  private async endAttributeWait(
    trx: Executor,
    input: {
      step: ScheduledStep;
      enrollment: Enrollment;
      stepDef: WaitForAttributeStep;
      ctx: PlanContext;
      now: Date;
      work: Work;
    },
  ): Promise<'changed' | 'timeout' | 'waiting'> {
    const { step, enrollment, stepDef, ctx, now } = input;
    const timeoutAt = step.timeout_at ?? step.due_at;
    const changedAt = step.attribute_changed_at;
    const record = async (outcome: Record<string, unknown>) => {
      ctx.context = await this.enrollments.recordStepOutcome(trx, enrollment.id, stepDef.id, outcome);
    };
    if (changedAt === null || changedAt.getTime() > timeoutAt.getTime()) {
      await record({ outcome: 'timeout' });
      return 'timeout';
    }
    const scope = { customer: ctx.customer, event: ctx.event, context: ctx.context };
    if (stepDef.where !== undefined && !evaluateCondition(stepDef.where, scope)) {
      const queued = this.scheduler.withinHorizon(timeoutAt, now);
      await this.steps.rearmAttributeWait(trx, step, queued, now);
      if (queued) input.work.steps.push({ scheduledStepId: step.id, dueAt: timeoutAt });
      return 'waiting';
    }
    await record({
      outcome: 'changed',
      attribute: stepDef.attribute,
      value: ctx.customer.attributes[stepDef.attribute] ?? null,
      at: changedAt.toISOString(),
    });
    return 'changed';
  }

  private async decideSend(
    trx: Executor,
    input: {
      step: ScheduledStep;
      enrollment: Enrollment;
      definition: JourneyDefinition;
      stepDef: SendStep;
      customer: Customer;
      scope: {
        customer: Record<string, unknown>;
        event?: Record<string, unknown>;
        journey: Record<string, unknown>;
      };
      now: Date;
      work: Work;
      caps: FrequencyCap[];
      /** Preloaded by a batch (null: none); undefined: read it now. */
      touchpoint?: Touchpoint | null;
      writes?: DeferredStepWrites;
    },
  ): Promise<DueStepOutcome> {
    const { step, enrollment, definition, stepDef, customer, now, work } = input;
    const touchpoint =
      input.touchpoint !== undefined
        ? input.touchpoint
        : await this.touchpoints.findForStep(trx, enrollment.id, stepDef.id, step.visit);
    if (!touchpoint || touchpoint.status !== 'scheduled' || touchpoint.rendered !== null) {
      return 'already_done';
    }

    const quiet = applyQuietHours(now, definition.quietHours, customer.timezone);
    if (quiet.held && quiet.at.getTime() > now.getTime()) {
      const queued = this.scheduler.withinHorizon(quiet.at, now);
      await this.steps.reschedule(trx, step.id, quiet.at, queued, now);
      await trx
        .updateTable('touchpoints')
        .set({ scheduled_for: quiet.at, updated_at: now })
        .where('id', '=', touchpoint.id)
        .execute();
      await this.touchpoints.recordEvent(trx, touchpoint.id, 'scheduled', now, {
        reason: 'quiet_hours',
        until: quiet.at.toISOString(),
      });
      if (queued) work.steps.push({ scheduledStepId: step.id, dueAt: quiet.at });
      return 'held';
    }

    const channel = stepDef.channel;
    const suppression = suppressionReason(channel, customer, definition.transactional);
    if (suppression) {
      await this.touchpoints.transition(trx, touchpoint.id, 'scheduled', 'suppressed', now, {
        error: suppression,
      });
      return 'suppressed';
    }

    const cap =
      definition.transactional || input.caps.length === 0
        ? null
        : await this.exceededCap(trx, input.caps, channel, customer, now);
    if (cap) {
      await this.touchpoints.transition(
        trx,
        touchpoint.id,
        'scheduled',
        'suppressed',
        now,
        { error: 'frequency_cap', error_message: `at most ${cap.max} ${cap.channel} per ${cap.per}` },
        { cap },
      );
      return 'suppressed';
    }

    let rendered;
    try {
      rendered = await this.renderer.render(
        stepDef.template as ChannelTemplate,
        channel,
        customer.locale,
        // The links are derived from the touchpoint id, so they exist before the message does.
        {
          ...input.scope,
          unsubscribe: { url: this.unsubscribeLinks.url(touchpoint.id) },
          ...(definition.survey && { survey: { url: this.surveyLinks.url(touchpoint.id) } }),
        },
      );
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      await this.touchpoints.transition(trx, touchpoint.id, 'scheduled', 'failed', now, {
        error: 'template_error',
        error_message: error.message,
      });
      return 'failed';
    }
    const ready = { to: addressOf(channel, customer) ?? '', rendered: { ...rendered } };
    if (input.writes) input.writes.ready.push({ id: touchpoint.id, ...ready });
    else await this.touchpoints.markReady(trx, touchpoint.id, { ...ready, at: now });
    work.sends.push({ id: touchpoint.id, channel });
    return 'ready';
  }

  /**
   * The cap a send now would exceed, counted in the customer's timezone, or null. The enrollment's row
   * lock does not cover the customer's other journeys, so decisions for one customer take turns on an
   * advisory lock held to commit, and the count includes messages decided but not yet sent.
   */
  private async exceededCap(
    trx: Executor,
    caps: FrequencyCap[],
    channel: Channel,
    customer: Customer,
    now: Date,
  ): Promise<FrequencyCap | null> {
    await sql`select pg_advisory_xact_lock(${CUSTOMER_SENDS_LOCK}, hashtext(${customer.id}))`.execute(trx);
    const timezone = customer.timezone ?? 'UTC';
    const since = Math.min(...caps.map((cap) => capWindowStart(cap, now, timezone).getTime()));
    const sent = await this.touchpoints.sentForCaps(trx, customer.id, new Date(since));
    // A decision that took the lock before us may carry a later `now` than ours: it still happened first.
    const before = sent.map((s) => ({ channel: s.channel, at: s.at > now ? now : s.at }));
    return isCapped(caps, channel, now, timezone, before);
  }
}

/**
 * The address a channel sends to: phone, email, or for push the newest mobile app install's FCM token
 * (`fcm:<token>`), else the newest browser push subscription's endpoint.
 */
export function addressOf(channel: Channel, customer: Customer): string | undefined {
  switch (channel) {
    case 'sms':
      return customer.phone ?? undefined;
    case 'email':
      return customer.email ?? undefined;
    case 'push': {
      const token = customer.fcm_tokens.at(-1);
      return token ? fcmAddress(token) : customer.push_subscriptions.at(-1)?.endpoint;
    }
  }
}

/**
 * Why a message must not go out, or null. Marketing needs an explicit opt-in; a transactional journey
 * sends unless the customer explicitly revoked the channel.
 */
export function suppressionReason(
  channel: Channel,
  customer: Customer,
  transactional: boolean,
): string | null {
  return deliveryBlocker(channel, customer.consent, addressOf(channel, customer), transactional);
}

/** Compiles only while every step type has its case above. */
function unhandledStep(step: never): never {
  throw new Error(`no decision for step type ${(step as { type: string }).type}`);
}
