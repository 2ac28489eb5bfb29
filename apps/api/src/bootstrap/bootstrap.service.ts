import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ApiKeyRepository,
  CONFIG,
  Clock,
  generateApiKey,
  JourneyRepository,
  type Config,
} from '@touchpoint/core';
import { JourneyService } from '../journeys/journey.service';
import { DEMO_JOURNEYS } from './demo-journeys';

/** First start: an admin key (from ADMIN_API_KEY, or generated and printed once) and the demo journeys. */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly keys: ApiKeyRepository,
    private readonly journeys: JourneyRepository,
    private readonly journeyService: JourneyService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdminKey();
    if (this.config.LOAD_DEMO_JOURNEYS && (await this.journeys.count()) === 0) {
      for (const demo of DEMO_JOURNEYS) await this.journeyService.create(demo, { name: 'demo', keyId: null });
      this.logger.log(`loaded ${DEMO_JOURNEYS.length} demo journeys`);
    }
  }

  private async ensureAdminKey(): Promise<void> {
    const now = this.clock.now();
    if (this.config.ADMIN_API_KEY) {
      await this.keys.create({
        name: 'admin (ADMIN_API_KEY)',
        role: 'admin',
        key: this.config.ADMIN_API_KEY,
        at: now,
      });
      return;
    }
    if ((await this.keys.countByRole('admin')) > 0) return;
    const key = generateApiKey();
    await this.keys.create({ name: 'admin (first start)', role: 'admin', key, at: now });
    // Printed once, to stdout and not through the logger, so it never lands in a log pipeline.
    process.stdout.write(
      `\n  Admin API key (shown once, store it now):\n\n    ${key}\n\n  Set ADMIN_API_KEY to choose your own.\n\n`,
    );
  }
}
