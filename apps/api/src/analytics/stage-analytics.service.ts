import { Injectable } from '@nestjs/common';
import { AnalyticsRepository, Clock, type NpsCounts, type StageRow } from '@touchpoint/core';
import { STAGES } from '@touchpoint/journeys';
import { npsView, rate } from './journey-stats.service';

const DAY_MS = 86_400_000;

interface StageFigures extends NpsCounts {
  touchpoints: number;
  sent: number;
  delivered: number;
  engaged: number;
  converted: number;
  scoreSum: number;
}

function figuresView(f: StageFigures) {
  return {
    touchpoints: f.touchpoints,
    sent: f.sent,
    delivered: f.delivered,
    engaged: f.engaged,
    converted: f.converted,
    deliveryRate: rate(f.delivered, f.sent),
    engagementRate: rate(f.engaged, f.delivered),
    conversionRate: rate(f.converted, f.sent),
    survey: {
      ...npsView(f),
      average: f.responses === 0 ? null : Math.round((f.scoreSum / f.responses) * 10) / 10,
    },
  };
}

function add(a: StageFigures, b: StageFigures): StageFigures {
  return {
    touchpoints: a.touchpoints + b.touchpoints,
    sent: a.sent + b.sent,
    delivered: a.delivered + b.delivered,
    engaged: a.engaged + b.engaged,
    converted: a.converted + b.converted,
    responses: a.responses + b.responses,
    promoters: a.promoters + b.promoters,
    passives: a.passives + b.passives,
    detractors: a.detractors + b.detractors,
    scoreSum: a.scoreSum + b.scoreSum,
  };
}

const ZERO: StageFigures = {
  touchpoints: 0,
  sent: 0,
  delivered: 0,
  engaged: 0,
  converted: 0,
  responses: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  scoreSum: 0,
};

type StageView = { stage: string | null; channels: ({ channel: string } & ReturnType<typeof figuresView>)[] };

/**
 * The cells where the journey hurts most: the lowest engagement among those with enough delivered
 * messages, and the lowest NPS among those with enough answers, each with the log filters that show its rows.
 */
function weakestOf(
  stages: StageView[],
  from: Date,
  to: Date,
  min: { minVolume?: number; minResponses?: number },
) {
  const cells = stages.flatMap((s) => s.channels.map((c) => ({ stage: s.stage, ...c })));
  const lowest = <T>(items: T[], value: (t: T) => number) =>
    items.reduce<T | null>((low, t) => (low === null || value(t) < value(low) ? t : low), null);
  const log = (c: { stage: string | null; channel: string }) => {
    const filters = {
      ...(c.stage ? { stage: c.stage } : {}),
      channel: c.channel,
      from: from.toISOString(),
      to: to.toISOString(),
    };
    return { filters, path: `/v1/touchpoints?${new URLSearchParams(filters).toString()}` };
  };
  const engagement = lowest(
    cells.filter((c) => c.delivered >= (min.minVolume ?? 100) && c.engagementRate !== null),
    (c) => c.engagementRate!,
  );
  const nps = lowest(
    cells.filter((c) => c.survey.responses >= (min.minResponses ?? 10) && c.survey.score !== null),
    (c) => c.survey.score!,
  );
  return {
    engagement: engagement && {
      stage: engagement.stage,
      channel: engagement.channel,
      rate: engagement.engagementRate!,
      delivered: engagement.delivered,
      log: log(engagement),
    },
    nps: nps && {
      stage: nps.stage,
      channel: nps.channel,
      score: nps.survey.score!,
      responses: nps.survey.responses,
      log: log(nps),
    },
  };
}

/** `GET /v1/analytics/stages` and `/v1/analytics/nps`: where along the customer's journey it hurts. */
@Injectable()
export class StageAnalyticsService {
  constructor(
    private readonly analytics: AnalyticsRepository,
    private readonly clock: Clock,
  ) {}

  async stages(query: { from?: Date; to?: Date; minVolume?: number; minResponses?: number }) {
    const to = query.to ?? this.clock.now();
    const from = query.from ?? new Date(to.getTime() - 30 * DAY_MS);
    const rows: StageRow[] = await this.analytics.stages(from, to);
    const order = (stage: string | null) => {
      const i = (STAGES as readonly string[]).indexOf(stage ?? '');
      return i === -1 ? STAGES.length : i;
    };
    const stages = [...new Set(rows.map((r) => r.stage))]
      .sort((a, b) => order(a) - order(b))
      .map((stage) => {
        const of = rows.filter((r) => r.stage === stage);
        return {
          stage,
          ...figuresView(of.reduce(add, ZERO)),
          channels: of.map((r) => ({ channel: r.channel, ...figuresView(r) })),
        };
      });
    return { from, to, stages, weakest: weakestOf(stages, from, to, query) };
  }

  async nps(query: {
    from?: Date;
    to?: Date;
    interval: 'day' | 'week' | 'month';
    journeyId?: string;
    stage?: string;
  }) {
    const to = query.to ?? this.clock.now();
    const from = query.from ?? new Date(to.getTime() - 90 * DAY_MS);
    const rows = await this.analytics.npsByPeriod({ ...query, from, to });
    return {
      from,
      to,
      interval: query.interval,
      items: rows.map((r) => ({ period: r.period, ...npsView(r) })),
    };
  }
}
