import { TOUCHPOINT_STATUSES } from '@touchpoint/core';
import {
  byChannel,
  CHANNEL_NAMES,
  journeyDefinitionSchema,
  STAGES,
  TOUCHPOINT_CHANNELS,
} from '@touchpoint/journeys';
import { z } from 'zod';

const timestamp = z.iso.datetime();
const count = z.number().int().min(0);
const rate = z
  .number()
  .nullable()
  .describe('A fraction from 0 to 1; null when there is nothing to divide by');

const npsSchema = z.object({
  responses: count,
  promoters: count,
  passives: count,
  detractors: count,
  score: z.number().nullable().describe('-100 to 100; null without responses'),
});

const funnelSchema = z.object({
  scheduled: count,
  pending: count,
  sent: count,
  delivered: count,
  opened: count,
  clicked: count,
  failed: count,
  bounced: count,
  unsubscribed: count,
  suppressed: count,
  cancelled: count,
  unknown: count,
  expired: count.describe('Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent'),
  answered: count,
  suppressedBy: z.record(z.string(), count).describe('Suppressed touchpoints by reason'),
});

const attributedSchema = z.object({
  conversions: count.describe('Goal events attributed'),
  converted: count.describe('Touchpoints that converted'),
});

const rateOfSchema = z.object({ enrolled: count, converted: count, rate });

/** `GET /v1/journeys/{id}/stats`. */
export const journeyStatsSchema = z.object({
  journeyId: z.uuid(),
  name: z.string(),
  version: z.number().int().nullable(),
  from: timestamp.nullable(),
  to: timestamp.nullable(),
  enrolled: count,
  active: count,
  exited: count,
  completed: count,
  holdout: count,
  touchpoints: funnelSchema,
  byChannel: z.record(z.string(), funnelSchema.extend(attributedSchema.shape)),
  steps: z.array(
    z.union([
      z.object({
        stepId: z.string(),
        type: z.literal('send'),
        entered: count,
        channel: z.enum(CHANNEL_NAMES),
        ...funnelSchema.shape,
        ...attributedSchema.shape,
        conversionRate: rate,
      }),
      z.object({
        stepId: z.string(),
        type: z.enum([
          'wait',
          'wait_for_event',
          'wait_for_attribute',
          'branch',
          'split',
          'update_attributes',
          'webhook',
          'exit',
        ]),
        entered: count,
      }),
    ]),
  ),
  variants: z.array(
    z.object({
      variant: z.string(),
      enrolled: count,
      active: count,
      exited: count,
      completed: count,
      converted: count,
      conversionRate: rate,
      touchpoints: funnelSchema,
      attributed: attributedSchema,
    }),
  ),
  conversions: z.union([
    z.object({
      goal: journeyDefinitionSchema.shape.goal.unwrap(),
      attributed: count,
      touchpointsConverted: count,
      treated: rateOfSchema,
      holdout: rateOfSchema,
      lift: z.object({ absolute: z.number(), relative: z.number().nullable() }).nullable(),
    }),
    z.object({ goal: z.null() }),
  ]),
  nps: npsSchema,
});

const figuresSchema = z.object({
  touchpoints: count,
  sent: count,
  delivered: count,
  engaged: count,
  converted: count,
  deliveryRate: rate,
  engagementRate: rate,
  conversionRate: rate,
  survey: npsSchema.extend({ average: z.number().nullable() }),
});

const logLinkSchema = z
  .object({
    filters: z.record(z.string(), z.string()).describe('The touchpoint log filters that show these rows'),
    path: z.string().describe('`/v1/touchpoints?…` with those filters'),
  })
  .describe('Where to read the rows behind the figure');

/** `GET /v1/analytics/stages`. */
export const stageAnalyticsSchema = z.object({
  from: timestamp,
  to: timestamp,
  stages: z.array(
    figuresSchema.extend({
      stage: z.enum(STAGES).nullable(),
      channels: z.array(figuresSchema.extend({ channel: z.string() })),
    }),
  ),
  weakest: z.object({
    engagement: z
      .object({
        stage: z.enum(STAGES).nullable(),
        channel: z.string(),
        rate: z.number(),
        delivered: count,
        log: logLinkSchema,
      })
      .nullable()
      .describe('The stage and channel with the lowest engagement among those with `minVolume` delivered'),
    nps: z
      .object({
        stage: z.enum(STAGES).nullable(),
        channel: z.string(),
        score: z.number(),
        responses: count,
        log: logLinkSchema,
      })
      .nullable()
      .describe('The stage and channel with the lowest NPS among those with `minResponses` answers'),
  }),
});

const seriesRowSchema = funnelSchema
  .omit({ suppressedBy: true })
  .extend({ period: timestamp.describe('Start of the period (UTC)'), channel: z.string() });

/** `GET /v1/analytics/series`. */
export const seriesSchema = z.object({
  from: timestamp,
  to: timestamp,
  interval: z.enum(['day', 'week', 'month']),
  items: z.array(seriesRowSchema).describe('Per period and channel, by the day the touchpoint was created'),
});

const failureSchema = z.object({
  channel: z.string(),
  reason: z.string().nullable().describe('The provider’s error code (Twilio 30003, …) or our own reason'),
  count,
  provider: z.string().nullable().describe('Who answered, in the newest such failure'),
  message: z.string().nullable().describe('What the provider said, in the newest such failure'),
});

/** `GET /v1/analytics/failures`. */
export const failuresSchema = z.object({ from: timestamp, to: timestamp, items: z.array(failureSchema) });

/** `GET /v1/analytics/overview`. */
export const overviewSchema = z.object({
  from: timestamp,
  to: timestamp,
  interval: z.enum(['day', 'week', 'month']),
  touchpoints: funnelSchema.omit({ suppressedBy: true }),
  deliveryRate: rate,
  unknown: count.describe('Sends handed to a provider whose outcome is unknown (never re-sent on their own)'),
  byChannel: z.record(z.string(), funnelSchema.omit({ suppressedBy: true })),
  series: z.array(seriesRowSchema),
  failures: z.array(failureSchema).describe('The ten most frequent'),
  queues: z.array(
    z.object({ queue: z.string(), waiting: count, active: count, delayed: count, failed: count }),
  ),
});

const comparisonSchema = z.object({
  rate,
  controlRate: rate,
  lift: z.number().nullable().describe('rate − controlRate'),
  relativeLift: z.number().nullable().describe('lift / controlRate'),
  ci95: z.tuple([z.number(), z.number()]).nullable().describe('95 % confidence interval of the lift'),
  z: z.number().nullable(),
  pValue: z.number().nullable().describe('Two-sided, two-proportion z-test against the holdout'),
  significant: z.boolean().describe('pValue < 0.05'),
});

/** `GET /v1/journeys/{id}/report`. */
export const journeyReportSchema = journeyStatsSchema.extend({
  interval: z.enum(['day', 'week', 'month']),
  series: z.array(seriesRowSchema),
  significance: z
    .object({
      control: z.object({ n: count, converted: count }),
      treated: comparisonSchema,
      variants: z.array(comparisonSchema.extend({ variant: z.string() })),
    })
    .nullable()
    .describe('Conversions beside the holdout; null without a goal'),
});

/** `GET /v1/analytics/nps/answers`. */
export const surveyAnswersSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      customerId: z.string(),
      journeyId: z.uuid().nullable(),
      journeyName: z.string().nullable(),
      stage: z.enum(STAGES).nullable(),
      stepId: z.string().nullable(),
      channel: z.string().nullable().describe('The channel of the message that carried the survey link'),
      carrierId: z.uuid().nullable().describe('The touchpoint that carried the survey link'),
      score: z.number().int(),
      comment: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** `GET /v1/analytics/nps`. */
export const npsSeriesSchema = z.object({
  from: timestamp,
  to: timestamp,
  interval: z.enum(['day', 'week', 'month']),
  items: z.array(npsSchema.extend({ period: timestamp })),
});

const mapTouchpointSchema = z.object({
  type: z.literal('touchpoint'),
  at: timestamp,
  stage: z.enum(STAGES).nullable(),
  id: z.uuid(),
  journeyId: z.uuid().nullable(),
  journeyName: z.string().nullable(),
  journeyVersion: z.number().int().nullable(),
  stepId: z.string().nullable(),
  channel: z.enum(TOUCHPOINT_CHANNELS),
  to: z.string().nullable(),
  text: z.string().nullable().describe('The SMS body, email subject or push title; masked for analysts'),
  status: z.enum(TOUCHPOINT_STATUSES),
  outcome: z.string().describe('How far it got: clicked, opened, delivered, sent, or its own status'),
  error: z.string().nullable(),
  scheduledFor: timestamp.nullable(),
  sentAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  events: z.array(z.object({ status: z.enum(TOUCHPOINT_STATUSES), at: timestamp })),
  survey: z
    .object({ score: z.number().int().nullable(), comment: z.string().nullable(), at: timestamp })
    .nullable(),
  conversion: z.object({ eventId: z.string(), name: z.string(), at: timestamp }).nullable(),
});

const mapEventSchema = z.object({
  type: z.literal('event'),
  at: timestamp,
  stage: z.enum(STAGES).nullable(),
  id: z.string(),
  name: z.string(),
  properties: z.record(z.string(), z.unknown()),
  triggered: z.object({ journeyId: z.uuid(), journeyName: z.string().nullable() }).nullable(),
  converted: z.array(z.object({ touchpointId: z.uuid(), journeyId: z.uuid() })),
});

/** `GET /v1/customers/{customerId}/journey-map`. */
export const journeyMapSchema = z.object({
  customerId: z.string(),
  consent: z
    .object(byChannel(() => z.boolean().nullable()))
    .describe('Each channel’s consent now; null: never given nor refused'),
  stages: z.array(
    z.object({
      stage: z.enum(STAGES).nullable(),
      firstAt: timestamp,
      lastAt: timestamp,
      touchpoints: count,
      events: count,
      outcomes: z.record(z.string(), count),
      converted: count,
      items: z.array(z.discriminatedUnion('type', [mapTouchpointSchema, mapEventSchema])),
    }),
  ),
  timeline: z.array(
    z.object({
      type: z.enum(['touchpoint', 'event']),
      id: z.string(),
      at: timestamp,
      stage: z.enum(STAGES).nullable(),
    }),
  ),
});
