import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CONFIG, RollupRepository, type Config } from '@touchpoint/core';

/** Batches per tick: enough to keep up with thousands of moves a second at a 5 s tick. */
const BATCHES_PER_TICK = 50;

/**
 * Folds the touchpoint rollups' deltas each scheduler tick, so reports read a few rows per hour instead of
 * every move. Reports stay exact without it (they add the unfolded deltas); it keeps them fast.
 */
@Injectable()
export class RollupFolder implements OnApplicationBootstrap {
  private readonly logger = new Logger(RollupFolder.name);
  private running?: Promise<number>;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly rollups: RollupRepository,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.logger.error({ err: error }, 'rollup fold failed'));
    }, this.config.SCHEDULER_TICK_MS);
    this.registry.addInterval('rollup-folder', timer);
  }

  /** One fold at a time per process (another process folding alongside is safe: see RollupRepository.fold). */
  tick(): Promise<number> {
    this.running ??= this.fold().finally(() => (this.running = undefined));
    return this.running;
  }

  private async fold(): Promise<number> {
    let total = 0;
    for (let i = 0; i < BATCHES_PER_TICK; i++) {
      const moved = await this.rollups.fold();
      total += moved;
      if (moved === 0) break;
    }
    return total;
  }
}
