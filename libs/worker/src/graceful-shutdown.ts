import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { CONFIG, type Config } from '@touchpoint/core';
import { ShardWorkers } from './shard-workers';

export interface DrainReport {
  /** Every job in hand finished within the grace period. */
  finished: boolean;
  /** Jobs still running when the grace period ran out. */
  abandoned: number;
  ms: number;
}

/**
 * SIGTERM for a worker: stop taking jobs, let the ones in hand finish, but not for longer than
 * SHUTDOWN_GRACE_MS. A job still running then is abandoned with the process: its lock expires and another
 * worker's stalled check hands it back to the queue. Nothing is lost, and nothing is sent twice: a send
 * that was in flight stays `sending` in PostgreSQL and becomes `unknown`, never a second provider call.
 */
@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly shardWorkers: ShardWorkers,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** The BullMQ workers of every processor in this process, of every shard. */
  workers() {
    const hosted = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker)
      .filter((worker) => worker !== undefined);
    return [...hosted, ...this.shardWorkers.workers];
  }

  async drain(graceMs = this.config.SHUTDOWN_GRACE_MS): Promise<DrainReport> {
    const started = Date.now();
    const workers = this.workers();
    const inHand = () => workers.reduce((n, w) => n + running(w), 0);
    const closing = Promise.all(workers.map((w) => w.close())).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const finished = await Promise.race([closing, timeout]);
    clearTimeout(timer);
    const report = { finished, abandoned: finished ? 0 : inHand(), ms: Date.now() - started };
    if (finished) {
      this.logger.log(report, 'jobs in hand finished');
    } else {
      this.logger.warn(
        report,
        'grace period over: jobs still running go back to the queue when their lock expires',
      );
    }
    return report;
  }
}

/** How many jobs a worker holds locks for: BullMQ keeps the count on its (internal) lock manager. */
function running(worker: object): number {
  return (worker as { lockManager?: { getActiveJobCount(): number } }).lockManager?.getActiveJobCount() ?? 0;
}
