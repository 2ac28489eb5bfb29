import { Injectable } from '@nestjs/common';
import { Clock, JourneyRepository, type Executor } from '@touchpoint/core';
import type { JourneyDefinition } from '@touchpoint/journeys';

export interface ActiveJourney {
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
}

const ACTIVE_TTL_MS = 2_000;

/**
 * Journey definitions for the hot path. Versions never change once written, so they are cached for good;
 * the list of active journeys is cached briefly and dropped on any change made through this process.
 */
@Injectable()
export class JourneyCatalog {
  private active?: { at: number; byTrigger: Map<string, ActiveJourney[]> };
  private readonly versions = new Map<string, JourneyDefinition>();

  constructor(
    private readonly journeys: JourneyRepository,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.active = undefined;
  }

  async activeFor(eventName: string): Promise<ActiveJourney[]> {
    return (await this.activeByTrigger()).get(eventName) ?? [];
  }

  /**
   * Active journeys by trigger event. Call it before opening a transaction: on embedded PGlite there is
   * one connection, and a transaction that waited for another would wait forever.
   */
  async activeByTrigger(): Promise<ReadonlyMap<string, ActiveJourney[]>> {
    const now = this.clock.now().getTime();
    if (!this.active || now - this.active.at > ACTIVE_TTL_MS || now < this.active.at) {
      const byTrigger = new Map<string, ActiveJourney[]>();
      for (const v of await this.journeys.listActiveVersions()) {
        const entry = {
          journeyId: v.journeyId,
          version: v.version,
          definition: v.definition as JourneyDefinition,
        };
        byTrigger.set(v.triggerEvent, [...(byTrigger.get(v.triggerEvent) ?? []), entry]);
        this.versions.set(`${v.journeyId}@${v.version}`, entry.definition);
      }
      this.active = { at: now, byTrigger };
    }
    return this.active.byTrigger;
  }

  async version(journeyId: string, version: number, executor?: Executor): Promise<JourneyDefinition> {
    const key = `${journeyId}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const found = await this.journeys.findVersion(journeyId, version, executor);
    if (!found) throw new Error(`journey ${journeyId} has no version ${version}`);
    const definition = found.definition as JourneyDefinition;
    this.versions.set(key, definition);
    return definition;
  }
}
