import { Injectable } from '@nestjs/common';
import { Clock, SETTING_KEYS, SettingRepository } from '@touchpoint/core';
import type { FrequencyCap } from '@touchpoint/journeys';

const TTL_MS = 2_000;

/**
 * The workspace's frequency caps for the hot path: cached briefly, dropped at once when they are changed
 * through this process (other processes see a change within the TTL). Read it before opening a
 * transaction: on embedded PGlite there is one connection.
 */
@Injectable()
export class FrequencyCaps {
  private cached?: { at: number; caps: FrequencyCap[] };

  constructor(
    private readonly settings: SettingRepository,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.cached = undefined;
  }

  async current(): Promise<FrequencyCap[]> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.cached.at > TTL_MS || now < this.cached.at) {
      const stored = await this.settings.get<{ caps: FrequencyCap[] }>(SETTING_KEYS.frequencyCaps);
      this.cached = { at: now, caps: stored?.caps ?? [] };
    }
    return this.cached.caps;
  }
}
