import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock, TouchpointPartitionRepository } from '@touchpoint/core';

/** Hourly is plenty: the months ahead are added three months before the first row can need them. */
const EVERY_MS = 3600_000;

/**
 * Keeps the touchpoint log's monthly partitions created ahead (this month and the next three), at start and
 * every hour, so rows land in their month and not in the default partition. Idempotent, and safe with
 * several workers: the database function serialises them on an advisory lock and skips months that exist.
 */
@Injectable()
export class PartitionMaintenance implements OnApplicationBootstrap {
  private readonly logger = new Logger(PartitionMaintenance.name);
  private running?: Promise<string[]>;

  constructor(
    private readonly clock: Clock,
    private readonly partitions: TouchpointPartitionRepository,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.tick().catch((error: unknown) =>
        this.logger.error({ err: error }, 'adding the months ahead failed'),
      );
    };
    run();
    this.registry.addInterval('partition-maintenance', setInterval(run, EVERY_MS));
  }

  /** Adds the missing months ahead; returns them (`2027-03`). One run at a time per process. */
  tick(): Promise<string[]> {
    this.running ??= this.addMonths().finally(() => (this.running = undefined));
    return this.running;
  }

  private async addMonths(): Promise<string[]> {
    const added = await this.partitions.addMonthsAhead(this.clock.now());
    if (added.length > 0) this.logger.log({ months: added }, 'touchpoint log months added');
    return added;
  }
}
