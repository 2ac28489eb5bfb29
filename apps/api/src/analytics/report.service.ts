import { Injectable } from '@nestjs/common';
import {
  Clock,
  QueueGateway,
  ReportRepository,
  type FunnelCounts,
  type Interval,
  type Role,
  type SeriesRow,
} from '@touchpoint/core';
import { maskText } from '../http/mask';
import { cursorParam, encodeCursor } from '../touchpoints/touchpoint-query.schema';
import { EMPTY_FUNNEL, JourneyStatsService, rate } from './journey-stats.service';
import { compareProportions } from './two-proportion';

const DAY_MS = 86_400_000;
const CATEGORY = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] } as const;

function addCounts(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  const sum = { ...a };
  for (const k of Object.keys(b) as (keyof FunnelCounts)[]) sum[k] += b[k];
  return sum;
}

/** The console's reports: figures over time, failure reasons, the overview, a journey's report, NPS answers. */
@Injectable()
export class ReportService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly stats: JourneyStatsService,
    private readonly queue: QueueGateway,
    private readonly clock: Clock,
  ) {}

  /** The period asked for, or the 30 days up to now. */
  private period(query: { from?: Date; to?: Date }) {
    const to = query.to ?? this.clock.now();
    return { from: query.from ?? new Date(to.getTime() - 30 * DAY_MS), to };
  }

  async series(query: {
    from?: Date;
    to?: Date;
    interval: Interval;
    journeyId?: string;
    channel?: string;
    stage?: string;
  }) {
    const range = this.period(query);
    const rows = await this.reports.series(range, query.interval, {
      journeyId: query.journeyId,
      channel: query.channel,
      stage: query.stage,
    });
    return { ...range, interval: query.interval, items: rows };
  }

  async failures(query: { from?: Date; to?: Date; journeyId?: string; channel?: string; limit: number }) {
    const range = this.period(query);
    const items = await this.reports.failures(range, query.limit, {
      journeyId: query.journeyId,
      channel: query.channel,
    });
    return { ...range, items };
  }

  async overview(query: { from?: Date; to?: Date; interval: Interval }) {
    const range = this.period(query);
    const [series, failures, queues] = await Promise.all([
      this.reports.series(range, query.interval),
      this.reports.failures(range, 10),
      this.queue.depths(),
    ]);
    const byChannel: Record<string, FunnelCounts> = {};
    for (const row of series) {
      byChannel[row.channel] = addCounts(byChannel[row.channel] ?? EMPTY_FUNNEL, countsOf(row));
    }
    const total = Object.values(byChannel).reduce(addCounts, EMPTY_FUNNEL);
    return {
      ...range,
      interval: query.interval,
      touchpoints: total,
      deliveryRate: rate(total.delivered, total.sent),
      unknown: total.unknown,
      byChannel,
      series,
      failures,
      queues,
    };
  }

  /**
   * The journey's stats, its figures over time, and conversions of the treated customers and of each
   * variant beside the holdout: the lift, its 95 % interval and a two-proportion z-test.
   */
  async journeyReport(
    journeyId: string,
    query: { version?: number; from?: Date; to?: Date; interval: Interval },
  ) {
    const [stats, series] = await Promise.all([
      this.stats.stats(journeyId, query),
      this.reports.series({ from: query.from, to: query.to }, query.interval, {
        journeyId,
        journeyVersion: query.version,
      }),
    ]);
    const { treated, holdout } = stats.conversions;
    const control = holdout && { n: holdout.enrolled, converted: holdout.converted };
    const significance =
      treated && control
        ? {
            control,
            treated: compareProportions({ n: treated.enrolled, converted: treated.converted }, control),
            variants: stats.variants.map((v) => ({
              variant: v.variant,
              ...compareProportions({ n: v.enrolled, converted: v.converted }, control),
            })),
          }
        : null;
    return { ...stats, interval: query.interval, series, significance };
  }

  async answers(
    query: {
      from?: Date;
      to?: Date;
      journeyId?: string;
      stage?: string;
      category?: keyof typeof CATEGORY;
      search?: string;
      limit: number;
      cursor?: string;
    },
    role: Role,
  ) {
    const cursor = cursorParam(query.cursor);
    const [minScore, maxScore] = query.category ? CATEGORY[query.category] : [undefined, undefined];
    const rows = await this.reports.answers(
      { ...query, minScore, maxScore },
      query.limit + 1,
      cursor && { createdAt: String(cursor.createdAt), id: cursor.id },
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ cursorAt: _cursor, ...a }) => ({
        ...a,
        comment: role === 'analyst' ? maskText(a.comment) : a.comment,
      })),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null,
    };
  }
}

function countsOf(row: SeriesRow): FunnelCounts {
  const { period: _period, channel: _channel, ...counts } = row;
  return counts;
}
