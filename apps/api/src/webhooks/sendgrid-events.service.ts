import { Injectable } from '@nestjs/common';
import { sendGridEventMeaning } from '@touchpoint/channels';
import { Clock } from '@touchpoint/core';
import { text } from '@touchpoint/journeys';
import { z } from 'zod';
import { DeliveryFeedbackService, type FeedbackOutcome } from './delivery-feedback.service';

/** One Event Webhook event: custom args arrive as top-level fields, so `touchpointId` sits beside `event`. */
const eventSchema = z.looseObject({
  event: text(),
  sg_event_id: text().min(1).max(200),
  timestamp: z.number().int().nonnegative(),
  touchpointId: text().max(100).optional(),
  reason: text().optional(),
  type: text().optional(),
  status: text().optional(),
  url: text().optional(),
});

export type SendGridEventsReport = Record<FeedbackOutcome | 'ignored', number>;

@Injectable()
export class SendGridEventsService {
  constructor(
    private readonly feedback: DeliveryFeedbackService,
    private readonly clock: Clock,
  ) {}

  /** Each event on its own: one malformed or unknown event does not make SendGrid retry the whole batch. */
  async apply(events: unknown[]): Promise<SendGridEventsReport> {
    const report: SendGridEventsReport = {
      applied: 0,
      recorded: 0,
      stale: 0,
      duplicate: 0,
      unknown_touchpoint: 0,
      ignored: 0,
    };
    for (const raw of events) {
      const parsed = eventSchema.safeParse(raw);
      const meaning = parsed.success
        ? sendGridEventMeaning(parsed.data.event, parsed.data.reason)
        : undefined;
      if (!parsed.success || !meaning || !parsed.data.touchpointId) {
        report.ignored++;
        continue;
      }
      const e = parsed.data;
      const failed = meaning.status === 'failed' || meaning.status === 'bounced';
      const outcome = await this.feedback.apply({
        provider: 'sendgrid',
        status: meaning.status,
        at: eventTime(e.timestamp, this.clock.now()),
        touchpointId: e.touchpointId,
        eventId: e.sg_event_id,
        revokeConsent: meaning.revokeConsent,
        ...(failed && { error: { code: e.type ?? e.event, message: e.reason ?? e.status } }),
        detail: { event: e.event, ...(e.url && { url: e.url }) },
      });
      report[outcome]++;
    }
    return report;
  }
}

/** SendGrid's Unix-seconds timestamp; one from the future (a skewed clock) is taken as now. */
function eventTime(seconds: number, now: Date): Date {
  return new Date(Math.min(seconds * 1000, now.getTime()));
}
