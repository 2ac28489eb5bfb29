import { Injectable } from '@nestjs/common';
import {
  AnalyticsRepository,
  CustomerRepository,
  TouchpointLogRepository,
  type MapEvent,
  type Role,
  type TouchpointWithEvents,
} from '@touchpoint/core';
import { CHANNEL_NAMES, consentFor, STAGES } from '@touchpoint/journeys';
import { maskAddress, maskDeep, maskText } from '../http/mask';
import { ProblemException } from '../http/problem';
import { touchpointText } from '../touchpoints/touchpoint.view';

/** How far a message got, furthest first; anything else is its own status (suppressed, cancelled…). */
const PROGRESS = ['clicked', 'opened', 'delivered', 'sent'] as const;

function outcomeOf(t: TouchpointWithEvents): string {
  const seen = new Set<string>([t.status, ...t.events.map((e) => e.status)]);
  if (['failed', 'bounced', 'unsubscribed'].includes(t.status)) return t.status;
  return PROGRESS.find((s) => seen.has(s)) ?? t.status;
}

type MapItem =
  | ({ type: 'touchpoint'; at: Date; stage: string | null } & Record<string, unknown>)
  | ({ type: 'event'; at: Date; stage: string | null } & Record<string, unknown>);

/**
 * `GET /v1/customers/{id}/journey-map`: every touchpoint the customer met and every event they caused, in
 * order, grouped by lifecycle stage, each touchpoint with its outcome (how far it got, the survey answer,
 * the goal event it converted).
 */
@Injectable()
export class JourneyMapService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly touchpoints: TouchpointLogRepository,
    private readonly analytics: AnalyticsRepository,
  ) {}

  async map(customerId: string, role: Role, limit: number) {
    const customer = await this.customers.find(customerId);
    if (!customer) throw ProblemException.notFound('The customer');
    const masked = role === 'analyst';
    const [all, events] = await Promise.all([
      this.touchpoints.listForCustomer(customerId, limit),
      this.analytics.customerEvents(customerId, limit),
    ]);
    const answers = new Map(all.filter((t) => t.survey_of).map((t) => [t.survey_of as string, t]));
    const conversions = new Map<string, MapEvent>();
    for (const e of events) {
      for (const c of e.converted) if (!conversions.has(c.touchpointId)) conversions.set(c.touchpointId, e);
    }
    const sent = all.filter((t) => t.channel !== 'survey');
    const names = await this.analytics.journeyNames([
      ...new Set(
        [...sent.map((t) => t.journey_id), ...events.map((e) => e.triggeredJourneyId)].filter(
          (id): id is string => id !== null,
        ),
      ),
    ]);

    const items: MapItem[] = [
      ...sent.map((t): MapItem => {
        const answer = answers.get(t.id);
        const conversion = conversions.get(t.id);
        return {
          type: 'touchpoint',
          // When the customer met it: sent, or else decided.
          at: t.sent_at ?? t.created_at,
          stage: t.stage,
          id: t.id,
          journeyId: t.journey_id,
          journeyName: t.journey_id ? (names.get(t.journey_id) ?? null) : null,
          journeyVersion: t.journey_version,
          stepId: t.step_id,
          channel: t.channel,
          to: masked ? maskAddress(t.channel, t.to) : t.to,
          text: touchpointText(t, role),
          status: t.status,
          outcome: outcomeOf(t),
          error: t.error,
          scheduledFor: t.scheduled_for,
          sentAt: t.sent_at,
          deliveredAt: t.delivered_at,
          events: t.events,
          survey: answer
            ? {
                score: answer.score,
                comment: masked ? maskText(answer.comment) : answer.comment,
                at: answer.created_at,
              }
            : null,
          conversion: conversion
            ? { eventId: conversion.id, name: conversion.name, at: conversion.occurredAt }
            : null,
        };
      }),
      ...events.map((e): MapItem => ({
        type: 'event',
        at: e.occurredAt,
        // A triggering event belongs to the journey it started; a goal event to the last touchpoint it converted.
        stage: e.triggeredStage ?? e.converted.at(-1)?.stage ?? null,
        id: e.id,
        name: e.name,
        properties: masked ? maskDeep(e.properties) : e.properties,
        triggered: e.triggeredJourneyId
          ? { journeyId: e.triggeredJourneyId, journeyName: names.get(e.triggeredJourneyId) ?? null }
          : null,
        converted: e.converted.map((c) => ({ touchpointId: c.touchpointId, journeyId: c.journeyId })),
      })),
    ].sort(
      (a, b) => a.at.getTime() - b.at.getTime() || (a.type === b.type ? 0 : a.type === 'event' ? -1 : 1),
    );

    const order = (stage: string | null) => {
      const i = (STAGES as readonly string[]).indexOf(stage ?? '');
      return i === -1 ? STAGES.length : i;
    };
    const stages = [...new Set(items.map((i) => i.stage))]
      .sort((a, b) => order(a) - order(b))
      .map((stage) => {
        const of = items.filter((i) => i.stage === stage);
        const touchpoints = of.filter((i) => i.type === 'touchpoint');
        const outcomes: Record<string, number> = {};
        for (const t of touchpoints) outcomes[t.outcome as string] = (outcomes[t.outcome as string] ?? 0) + 1;
        return {
          stage,
          firstAt: of[0].at,
          lastAt: of[of.length - 1].at,
          touchpoints: touchpoints.length,
          events: of.length - touchpoints.length,
          outcomes,
          converted: touchpoints.filter((t) => t.conversion).length,
          items: of,
        };
      });
    return {
      customerId,
      // Each channel's consent as it stands; a channel never asked about is null.
      consent: Object.fromEntries(CHANNEL_NAMES.map((c) => [c, consentFor(customer.consent, c) ?? null])),
      stages,
      timeline: items.map((i) => ({ type: i.type, id: i.id, at: i.at, stage: i.stage })),
    };
  }
}
