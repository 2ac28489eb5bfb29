import { Injectable } from '@nestjs/common';
import {
  AnalyticsRepository,
  JourneyRepository,
  type ConversionRow,
  type FunnelCounts,
  type FunnelRow,
  type NpsCounts,
  type StatsScope,
} from '@touchpoint/core';
import type { JourneyDefinition } from '@touchpoint/journeys';
import { ProblemException } from '../http/problem';

type Funnel = FunnelCounts & { suppressedBy: Record<string, number> };

/** NPS: % promoters (9–10) − % detractors (0–6), one decimal; null without answers. */
export function npsView(c: NpsCounts) {
  return {
    responses: c.responses,
    promoters: c.promoters,
    passives: c.passives,
    detractors: c.detractors,
    score: c.responses === 0 ? null : round(((c.promoters - c.detractors) / c.responses) * 100, 1),
  };
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export const EMPTY_FUNNEL: FunnelCounts = {
  scheduled: 0,
  pending: 0,
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  failed: 0,
  bounced: 0,
  unsubscribed: 0,
  suppressed: 0,
  cancelled: 0,
  unknown: 0,
  expired: 0,
  answered: 0,
};

type Key = Pick<FunnelRow, 'by' | 'stepId' | 'channel' | 'variant'>;
const keyOf = (r: Key) => `${r.by}|${r.stepId ?? ''}|${r.channel ?? ''}|${r.variant ?? ''}`;

/** `GET /v1/journeys/{id}/stats`: the funnel, per channel, step and variant, conversions with the holdout beside them, NPS. */
@Injectable()
export class JourneyStatsService {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly analytics: AnalyticsRepository,
  ) {}

  async stats(journeyId: string, query: { version?: number; from?: Date; to?: Date }) {
    const journey = await this.journeys.find(journeyId);
    if (!journey) throw ProblemException.notFound('The journey');
    const version =
      query.version === undefined ? undefined : await this.journeys.findVersion(journeyId, query.version);
    if (query.version !== undefined && !version) {
      throw ProblemException.notFound(`Version ${query.version} of the journey`);
    }
    const definition = (version?.definition ?? journey.definition) as JourneyDefinition;
    const goal = definition.goal;
    const scope: StatsScope = { journeyId, version: query.version, from: query.from, to: query.to };

    const waits = definition.steps.filter((s) => s.type !== 'send' && s.type !== 'split').map((s) => s.id);
    const [funnel, entries, enrollments, conversions, nps] = await Promise.all([
      this.analytics.funnel(scope),
      this.analytics.stepEntries(scope, waits),
      this.analytics.enrollments(scope, goal),
      goal ? this.analytics.conversions(scope) : Promise.resolve([] as ConversionRow[]),
      this.analytics.nps(scope),
    ]);

    const suppressedBy = new Map<string, Record<string, number>>();
    for (const s of funnel.suppressions) {
      const bucket = suppressedBy.get(keyOf(s)) ?? {};
      bucket[s.reason] = s.n;
      suppressedBy.set(keyOf(s), bucket);
    }
    const funnelOf = (key: Key): Funnel => {
      const row = funnel.rows.find((r) => keyOf(r) === keyOf(key));
      const counts = row ? pickCounts(row) : { ...EMPTY_FUNNEL };
      return { ...counts, suppressedBy: suppressedBy.get(keyOf(key)) ?? {} };
    };
    const conversionOf = (key: Key) => {
      const row = conversions.find((r) => keyOf(r) === keyOf(key));
      return { conversions: row?.conversions ?? 0, converted: row?.converted ?? 0 };
    };

    const all = enrollments.find((e) => e.variant === null) ?? {
      enrolled: 0,
      active: 0,
      exited: 0,
      completed: 0,
      holdout: 0,
      converted: 0,
      holdoutConverted: 0,
    };
    const byChannel = Object.fromEntries(
      funnel.rows
        .filter((r) => r.by === 'channel' && r.channel)
        .map((r) => [
          r.channel as string,
          {
            ...funnelOf(r),
            ...conversionOf({ by: 'channel', stepId: null, channel: r.channel, variant: null }),
          },
        ]),
    );
    // A split is not a scheduled step: it was entered by every enrollment that got a variant or the holdout.
    const split = all.enrolled - (enrollments.find((e) => e.variant === '')?.enrolled ?? 0);
    const steps = definition.steps.map((step) => {
      if (step.type !== 'send') {
        return {
          stepId: step.id,
          type: step.type,
          entered: step.type === 'split' ? split : (entries.get(step.id) ?? 0),
        };
      }
      const key: Key = { by: 'step', stepId: step.id, channel: step.channel, variant: null };
      const conversion = conversionOf(key);
      const counts = funnelOf(key);
      // A send step is entered once per enrollment: its touchpoint is unique on (enrollment, step).
      return {
        stepId: step.id,
        type: step.type,
        entered: counts.scheduled,
        channel: step.channel,
        ...counts,
        ...conversion,
        conversionRate: rate(conversion.converted, counts.sent),
      };
    });
    const variants = enrollments
      .filter((e) => e.variant !== null && e.variant !== '')
      .map((e) => {
        const key: Key = { by: 'variant', stepId: null, channel: null, variant: e.variant };
        return {
          variant: e.variant as string,
          enrolled: e.enrolled,
          active: e.active,
          exited: e.exited,
          completed: e.completed,
          converted: e.converted,
          conversionRate: rate(e.converted, e.enrolled),
          touchpoints: funnelOf(key),
          attributed: conversionOf(key),
        };
      });
    const treatedEnrolled = all.enrolled - all.holdout;
    const treatedRate = rate(all.converted, treatedEnrolled);
    const holdoutRate = rate(all.holdoutConverted, all.holdout);
    const total = conversionOf({ by: 'all', stepId: null, channel: null, variant: null });

    return {
      journeyId,
      name: journey.name,
      version: query.version ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      enrolled: all.enrolled,
      active: all.active,
      exited: all.exited,
      completed: all.completed,
      holdout: all.holdout,
      touchpoints: funnelOf({ by: 'all', stepId: null, channel: null, variant: null }),
      byChannel,
      steps,
      variants,
      conversions: goal
        ? {
            goal,
            attributed: total.conversions,
            touchpointsConverted: total.converted,
            treated: { enrolled: treatedEnrolled, converted: all.converted, rate: treatedRate },
            holdout: { enrolled: all.holdout, converted: all.holdoutConverted, rate: holdoutRate },
            lift:
              treatedRate === null || holdoutRate === null
                ? null
                : {
                    absolute: round(treatedRate - holdoutRate, 4),
                    relative: holdoutRate === 0 ? null : round((treatedRate - holdoutRate) / holdoutRate, 4),
                  },
          }
        : { goal: null },
      nps: npsView(nps),
    };
  }
}

function pickCounts(r: FunnelCounts): FunnelCounts {
  return {
    scheduled: r.scheduled,
    pending: r.pending,
    sent: r.sent,
    delivered: r.delivered,
    opened: r.opened,
    clicked: r.clicked,
    failed: r.failed,
    bounced: r.bounced,
    unsubscribed: r.unsubscribed,
    suppressed: r.suppressed,
    cancelled: r.cancelled,
    unknown: r.unknown,
    expired: r.expired,
    answered: r.answered,
  };
}
