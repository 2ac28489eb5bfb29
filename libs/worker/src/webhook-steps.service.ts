import { Inject, Injectable } from '@nestjs/common';
import {
  callWebhook,
  isRetriable,
  TemplateRenderer,
  TemplateRenderError,
  type RenderScope,
  type WebhookResponse,
} from '@touchpoint/channels';
import {
  Clock,
  CONFIG,
  EnrollmentRepository,
  ScheduledStepRepository,
  TouchpointRepository,
  type Config,
  type DueJob,
  type Enrollment,
  type Executor,
  type ScheduledStep,
  type Touchpoint,
} from '@touchpoint/core';
import { parseDuration, type WebhookStep } from '@touchpoint/journeys';
import { StepScheduler } from './step-scheduler.service';

const DEFAULT_TIMEOUT_MS = 10_000;

/** A webhook request ready to go: made outside any transaction, its answer settled in a new one. */
export interface WebhookCall {
  touchpointId: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface WebhookAnswer {
  call: WebhookCall;
  response: WebhookResponse;
}

export type WebhookDecision =
  | { kind: 'call'; call: WebhookCall }
  /** Tried again after a backoff: the step stays pending. */
  | { kind: 'retry' }
  /** Settled: the touchpoint `sent` or `failed`, the answer in the enrollment's context. */
  | { kind: 'settled'; ok: boolean; context?: Record<string, unknown> };

interface Input {
  step: ScheduledStep;
  enrollment: Enrollment;
  stepDef: WebhookStep;
  touchpoint: Touchpoint | undefined;
  scope: RenderScope;
  now: Date;
  /** Jobs to add after the commit. */
  jobs: DueJob[];
  /** The answer to the call this step made, when settling it. */
  answer?: WebhookAnswer;
}

/**
 * The webhook step: render and sign, call outside the transaction, then settle the answer in a new one.
 * Idempotent: the touchpoint id is the request's Idempotency-Key, the same on every attempt, and the
 * touchpoint's conditional `scheduled → sent/failed` lets only one settlement through.
 */
@Injectable()
export class WebhookSteps {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
    private readonly renderer: TemplateRenderer,
    private readonly touchpoints: TouchpointRepository,
    private readonly steps: ScheduledStepRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly scheduler: StepScheduler,
  ) {}

  async decide(trx: Executor, input: Input): Promise<WebhookDecision> {
    const { touchpoint, stepDef } = input;
    if (!touchpoint || touchpoint.status !== 'scheduled') return { kind: 'settled', ok: false };
    if (input.answer) return this.settle(trx, touchpoint, input.answer, input);
    const secret = this.config.WEBHOOK_SIGNING_SECRET;
    if (secret === undefined) {
      return this.fail(trx, touchpoint, input, {
        error: 'not_configured',
        message: 'WEBHOOK_SIGNING_SECRET is not set: webhooks are not sent unsigned',
      });
    }
    let body: unknown;
    try {
      body = await this.renderer.renderJson('body', stepDef.body, input.scope);
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      return this.fail(trx, touchpoint, input, { error: 'template_error', message: error.message });
    }
    return {
      kind: 'call',
      call: {
        touchpointId: touchpoint.id,
        url: stepDef.url,
        body: JSON.stringify(body),
        headers: stepDef.headers ?? {},
        timeoutMs: stepDef.timeout ? parseDuration(stepDef.timeout).as('milliseconds') : DEFAULT_TIMEOUT_MS,
      },
    };
  }

  /** Makes the call; no transaction is open meanwhile. */
  call(call: WebhookCall): Promise<WebhookResponse> {
    return callWebhook({
      url: call.url,
      body: call.body,
      headers: call.headers,
      idempotencyKey: call.touchpointId,
      secret: this.config.WEBHOOK_SIGNING_SECRET ?? '',
      timeoutMs: call.timeoutMs,
      allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE,
      at: this.clock.now(),
    });
  }

  private async settle(
    trx: Executor,
    touchpoint: Touchpoint,
    answer: WebhookAnswer,
    input: Input,
  ): Promise<WebhookDecision> {
    const { response, call } = answer;
    const { now, step } = input;
    const attempts = attemptsOf(touchpoint) + 1;
    const status = response.kind === 'response' ? response.status : null;
    if (isRetriable(response) && attempts < this.config.WEBHOOK_MAX_ATTEMPTS) {
      const dueAt = new Date(now.getTime() + this.config.WEBHOOK_BACKOFF_MS * 2 ** (attempts - 1));
      const queued = this.scheduler.withinHorizon(dueAt, now);
      await this.steps.reschedule(trx, step.id, { dueAt, queued, at: now });
      await this.touchpoints.update(trx, touchpoint.id, { details: JSON.stringify({ attempts }) }, now);
      await this.touchpoints.recordEvent(trx, touchpoint.id, {
        status: 'scheduled',
        at: now,
        detail: {
          reason: 'retry',
          attempt: attempts,
          status,
          ...(response.kind === 'error' && { error: response.error, message: response.message }),
          retryAt: dueAt.toISOString(),
        },
      });
      if (queued) input.jobs.push({ scheduledStepId: step.id, dueAt });
      return { kind: 'retry' };
    }
    const ok = response.kind === 'response' && status !== null && status >= 200 && status < 300;
    const error = response.kind === 'error' ? response.error : ok ? null : `http_${status}`;
    const moved = await this.touchpoints.transition(trx, touchpoint.id, {
      from: 'scheduled',
      to: ok ? 'sent' : 'failed',
      at: now,
      set: {
        to: call.url,
        provider: 'webhook',
        rendered: JSON.stringify({ url: call.url, body: JSON.parse(call.body) as unknown }),
        details: JSON.stringify({
          attempts,
          status,
          response: response.kind === 'response' ? response.body : null,
        }),
        error,
        error_message:
          response.kind === 'error' ? response.message : ok ? null : `the receiver answered ${status}`,
      },
    });
    if (!moved) return { kind: 'settled', ok: false };
    const outcome =
      response.kind === 'response'
        ? { ok, status, body: response.body }
        : { ok: false, status: null, error: response.error };
    const context = await this.enrollments.recordStepOutcome(
      trx,
      input.enrollment.id,
      input.stepDef.id,
      outcome,
    );
    return { kind: 'settled', ok, context };
  }

  /** Fails the step without a call (no secret, a template that does not render). */
  private async fail(
    trx: Executor,
    touchpoint: Touchpoint,
    input: Input,
    failure: { error: string; message: string },
  ): Promise<WebhookDecision> {
    await this.touchpoints.transition(trx, touchpoint.id, {
      from: 'scheduled',
      to: 'failed',
      at: input.now,
      set: {
        to: input.stepDef.url,
        provider: 'webhook',
        error: failure.error,
        error_message: failure.message,
      },
    });
    const context = await this.enrollments.recordStepOutcome(trx, input.enrollment.id, input.stepDef.id, {
      ok: false,
      status: null,
      error: failure.error,
    });
    return { kind: 'settled', ok: false, context };
  }
}

function attemptsOf(touchpoint: Touchpoint): number {
  const attempts = touchpoint.details?.attempts;
  return typeof attempts === 'number' ? attempts : 0;
}
