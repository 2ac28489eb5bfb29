import { Injectable } from '@nestjs/common';
import { Clock, JourneyOverviewRepository, JourneyRepository, type JourneyStatus } from '@touchpoint/core';
import type { z } from 'zod';
import { JourneyStatsService } from '../analytics/journey-stats.service';
import { ProblemException } from '../http/problem';
import type { journeySummarySchema, stepStatsSchema } from './journey-console.schema';

const DEFAULT_PERIOD_MS = 7 * 24 * 3_600_000;

type StepNumbers = z.input<typeof stepStatsSchema>['steps'][string];
type SummaryItem = z.input<typeof journeySummarySchema>['items'][number];

/** The console's views of journeys: the list with numbers, per-step numbers, a version, what a pause touches. */
@Injectable()
export class JourneyInsightsService {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly overview: JourneyOverviewRepository,
    private readonly stats: JourneyStatsService,
    private readonly clock: Clock,
  ) {}

  /** [from, to): default the 7 days up to now. */
  period(query: { from?: Date; to?: Date }): { from: Date; to: Date } {
    const to = query.to ?? this.clock.now();
    return { from: query.from ?? new Date(to.getTime() - DEFAULT_PERIOD_MS), to };
  }

  async summary(query: { from?: Date; to?: Date; status?: JourneyStatus }) {
    const { from, to } = this.period(query);
    const rows = await this.overview.summary({ from, to, status: query.status });
    const items: SummaryItem[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      trigger: r.trigger as Record<string, unknown>,
      stage: r.stage as SummaryItem['stage'],
      status: r.status,
      version: r.version,
      hasDraft: r.hasDraft,
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: r.updatedBy,
      numbers: { entered: r.entered, sent: r.sent, delivered: r.delivered, converted: r.converted },
    }));
    return { items, from: from.toISOString(), to: to.toISOString() };
  }

  async version(journeyId: string, version: number) {
    const found = await this.journeys.findVersion(journeyId, version);
    if (!found) throw ProblemException.notFound(`Version ${version} of the journey`);
    return {
      journeyId,
      version: found.version,
      definition: found.definition as Record<string, unknown>,
      createdAt: found.createdAt.toISOString(),
      createdBy: found.createdBy,
    };
  }

  /** The figures on each node of the canvas: GET …/stats for the period, keyed by step, and who waits where. */
  async stepStats(journeyId: string, query: { from?: Date; to?: Date }) {
    const { from, to } = this.period(query);
    const [stats, waiting] = await Promise.all([
      this.stats.stats(journeyId, { from, to }),
      this.overview.waitingBySteps(journeyId),
    ]);
    const variants: Record<string, { entered: number; converted: number }> = Object.fromEntries(
      stats.variants.map((v) => [v.variant, { entered: v.enrolled, converted: v.converted }]),
    );
    if (stats.holdout > 0 || stats.conversions.goal) {
      variants.holdout = {
        entered: stats.holdout,
        converted: stats.conversions.goal ? stats.conversions.holdout.converted : 0,
      };
    }
    const steps: Record<string, StepNumbers> = {};
    for (const step of stats.steps) {
      const numbers: StepNumbers = {
        entered: step.entered,
        waiting: waiting.get(step.stepId) ?? 0,
        sent: 0,
        delivered: 0,
        failed: 0,
        suppressed: {},
        converted: 0,
        variants: {},
      };
      if ('sent' in step) {
        Object.assign(numbers, {
          sent: step.sent,
          delivered: step.delivered,
          failed: step.failed,
          suppressed: step.suppressedBy,
          converted: step.converted,
        });
      } else if (step.type === 'split') {
        numbers.variants = variants;
        numbers.converted = stats.variants.reduce((n, v) => n + v.converted, 0);
      }
      steps[step.stepId] = numbers;
    }
    return { from: from.toISOString(), to: to.toISOString(), steps };
  }

  async lifecyclePreview(journeyId: string) {
    if (!(await this.journeys.find(journeyId))) throw ProblemException.notFound('The journey');
    return this.overview.lifecycle(journeyId);
  }
}
