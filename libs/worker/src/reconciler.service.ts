import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  CONFIG,
  Clock,
  EnrollmentRequestRepository,
  EventRepository,
  QueueGateway,
  REDIS,
  type RedisClient,
  ScheduledStepRepository,
  TouchpointRepository,
  WebhookReceiptRepository,
  type Config,
} from '@touchpoint/core';
import { SendSettler, type SettleReport } from './send-settler.service';

const BATCH = 5_000;
/** Providers redeliver a webhook event for up to a day (SendGrid: 24 h); its receipt is kept a while longer. */
const WEBHOOK_RECEIPT_TTL_MS = 3 * 24 * 3600_000;
/** An enrollment request's Idempotency-Key answers repeats for a day. */
const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

export interface TickReport {
  promoted: number;
  redisReset: boolean;
  requeuedSteps: number;
  requeuedSends: number;
  requeuedEvents: number;
  /** Sends in doubt settled this tick, by outcome. */
  settled: SettleReport;
  unknown: number;
  /** Unsent touchpoints held past their `expiresAfter`, now `expired`. */
  expired: number;
}

/**
 * PostgreSQL is the truth; Redis is the engine. Each tick moves steps that came within the horizon into
 * BullMQ, and re-adds any job Redis lost (every job id is deterministic, so re-adding a live one is a no-op).
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(Reconciler.name);
  private running?: Promise<TickReport>;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
    private readonly steps: ScheduledStepRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly events: EventRepository,
    private readonly receipts: WebhookReceiptRepository,
    private readonly enrollmentRequests: EnrollmentRequestRepository,
    private readonly settler: SendSettler,
    private readonly queue: QueueGateway,
    private readonly registry: SchedulerRegistry,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.logger.error({ err: error }, 'scheduler tick failed'));
    }, this.config.SCHEDULER_TICK_MS);
    this.registry.addInterval('reconciler', timer);
  }

  /** One tick at a time per process; concurrent callers share the running one. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runTick(): Promise<TickReport> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + this.config.SCHEDULE_HORIZON_MS);
    const grace = new Date(now.getTime() - this.config.RECONCILE_GRACE_MS);

    const promoted = await this.steps.promote(horizon, now, BATCH);
    await this.queue.addSteps(promoted);

    // A missing sentinel means Redis restarted empty or was flushed: every queued job is gone.
    const redisReset = await this.claimSentinel();
    // Otherwise only what Redis really lacks: under a backlog most overdue work still has its job.
    const queuedSteps = await this.steps.listQueued(redisReset ? horizon : grace, BATCH);
    const lostSteps = redisReset ? queuedSteps : await this.queue.stepsWithoutJob(queuedSteps);
    await this.queue.addSteps(lostSteps);
    const ready = await this.touchpoints.listReady(redisReset ? now : grace, BATCH);
    const readySends = redisReset ? ready : await this.queue.sendsWithoutJob(ready);
    await this.queue.addSends(readySends);
    // Events jobs are chunked, so their ids cannot be checked one by one: repair them when the events
    // queue is idle (while it has jobs, the unprocessed events are most likely in them).
    const unprocessed =
      redisReset || (await this.queue.eventsBacklog()) === 0
        ? await this.events.listUnprocessed(redisReset ? now : grace, BATCH)
        : [];
    await this.queue.addEvents(unprocessed);

    const settled = await this.settler.settleDue();
    const expired = await this.touchpoints.expireDue(now, BATCH);
    await this.receipts.prune(new Date(now.getTime() - WEBHOOK_RECEIPT_TTL_MS));
    await this.enrollmentRequests.prune(new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS));
    const report = {
      promoted: promoted.length,
      redisReset,
      requeuedSteps: lostSteps.length,
      requeuedSends: readySends.length,
      requeuedEvents: unprocessed.length,
      settled,
      unknown: settled.unknown,
      expired: expired.length,
    };
    const repaired =
      report.requeuedSteps +
      report.requeuedSends +
      report.requeuedEvents +
      settled.sent +
      settled.notTaken +
      settled.unknown +
      expired.length;
    if (repaired > 0) {
      this.logger.warn(report, redisReset ? 'Redis had lost its jobs: re-enqueued them' : 'reconciled');
    }
    return report;
  }

  /**
   * Sets the sentinel key of each shard (each under its shard's hash tag, so on the master that holds that
   * shard's jobs); true if one was not there (first start, or Redis, or one master of a cluster, lost its data).
   */
  private async claimSentinel(): Promise<boolean> {
    const created = await Promise.all(
      this.queue.shards.prefixes.map((prefix) =>
        this.redis.set(`${prefix}:touchpoint:sentinel`, String(this.clock.now().getTime()), 'NX'),
      ),
    );
    return created.some((answer) => answer === 'OK');
  }
}
