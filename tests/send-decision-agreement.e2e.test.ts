import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShiftedClock } from './support/shifted-clock';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

/**
 * The worker and `POST /v1/journeys/{id}/simulate` decide a send with the same function: the same timelines
 * played through both must end the same way, sent (with the same text), suppressed (for the same reason) or
 * held (until the same moment).
 */

interface TouchpointItem {
  id: string;
  status: string;
  error: string | null;
  channel: string;
  scheduledFor: string;
  events: { status: string }[];
}
interface SimulatedStep {
  stepId: string;
  action: string;
  at: string;
  rendered: { body?: string; subject?: string } | null;
  reason: string | null;
}
type Outcome =
  | { kind: 'send'; body: string | undefined }
  | { kind: 'suppress'; reason: string }
  | { kind: 'defer'; until: string };

const sms = (body: string, locales?: Record<string, { body: string }>) => ({
  id: 'message',
  type: 'send',
  channel: 'sms',
  template: { body, ...(locales && { locales }) },
});
const NIGHT = { start: '22:00', end: '08:00' };
const JOURNEYS = {
  evening: { quietHours: NIGHT, steps: [sms('Good evening {{ customer.id }}')] },
  offer: {
    steps: [
      sms('Hello {{ customer.id }}', { fa: { body: 'سلام {{ customer.attributes.firstName }}، ۲۰٪ تخفیف' } }),
    ],
  },
  secondOffer: { steps: [sms('Another offer for {{ customer.id }}')] },
  receipt: { transactional: true, steps: [sms('Your receipt, {{ customer.id }}')] },
  newsletter: {
    steps: [
      {
        id: 'message',
        type: 'send',
        channel: 'email',
        template: { subject: 'News', html: '<p>News {{ unsubscribe.url }}</p>' },
      },
    ],
  },
  flash: { quietHours: NIGHT, expiresAfter: 'PT1H', steps: [sms('Flash sale, one hour only')] },
  // Free-form text only, no approved template: outside the 24-hour window it cannot go.
  whatsapp: {
    steps: [
      {
        id: 'message',
        type: 'send',
        channel: 'whatsapp',
        template: { body: 'Your cart, {{ customer.id }}' },
      },
    ],
  },
};
type JourneyKey = keyof typeof JOURNEYS;

interface Timeline {
  customerId: string;
  customer: object;
  journey: JourneyKey;
  /** Local wall time in `zone` on 2026-12-14 (a Monday). */
  local: string;
  zone: string;
  expected: Outcome['kind'] | string;
  /** The customer last wrote to us on WhatsApp this many hours before (as an inbound message records). */
  wroteHoursBefore?: number;
}

const phone = (n: number) => `+98912${String(4_000_000 + n).padStart(7, '0')}`;
const TIMELINES: Timeline[] = [
  {
    customerId: 'agree-tehran-night',
    customer: { phone: phone(1), timezone: 'Asia/Tehran', consent: { sms: true } },
    journey: 'evening',
    local: '23:00',
    zone: 'Asia/Tehran',
    expected: 'defer',
  },
  {
    customerId: 'agree-new-york-night',
    customer: { phone: phone(2), timezone: 'America/New_York', consent: { sms: true } },
    journey: 'evening',
    local: '23:30',
    zone: 'America/New_York',
    expected: 'defer',
  },
  {
    customerId: 'agree-kolkata-noon',
    customer: { phone: phone(3), timezone: 'Asia/Kolkata', consent: { sms: true } },
    journey: 'evening',
    local: '12:00',
    zone: 'Asia/Kolkata',
    expected: 'send',
  },
  {
    // 23:00 in Tehran is 14:30 in New York: the customer's own timezone decides, not the sender's.
    customerId: 'agree-new-york-afternoon',
    customer: { phone: phone(4), timezone: 'America/New_York', consent: { sms: true } },
    journey: 'evening',
    local: '23:10',
    zone: 'Asia/Tehran',
    expected: 'send',
  },
  {
    customerId: 'agree-persian',
    customer: {
      phone: phone(5),
      timezone: 'Asia/Tehran',
      locale: 'fa-IR',
      attributes: { firstName: 'سارا' },
      consent: { sms: true },
    },
    journey: 'offer',
    local: '10:00',
    zone: 'Asia/Tehran',
    expected: 'send',
  },
  {
    customerId: 'agree-no-opt-in',
    customer: { phone: phone(6), timezone: 'Asia/Tehran' },
    journey: 'offer',
    local: '10:05',
    zone: 'Asia/Tehran',
    expected: 'no_consent',
  },
  {
    customerId: 'agree-receipt-without-opt-in',
    customer: { phone: phone(7), timezone: 'Asia/Tehran' },
    journey: 'receipt',
    local: '10:10',
    zone: 'Asia/Tehran',
    expected: 'send',
  },
  {
    customerId: 'agree-receipt-revoked',
    customer: { phone: phone(8), timezone: 'Asia/Tehran', consent: { sms: false } },
    journey: 'receipt',
    local: '10:15',
    zone: 'Asia/Tehran',
    expected: 'no_consent',
  },
  {
    customerId: 'agree-no-email',
    customer: { phone: phone(9), timezone: 'Europe/Berlin', consent: { email: true } },
    journey: 'newsletter',
    local: '11:00',
    zone: 'Europe/Berlin',
    expected: 'no_address',
  },
  {
    customerId: 'agree-capped',
    customer: { phone: phone(10), timezone: 'Asia/Tehran', locale: 'fa', consent: { sms: true } },
    journey: 'offer',
    local: '09:00',
    zone: 'Asia/Tehran',
    expected: 'send',
  },
  {
    customerId: 'agree-capped',
    customer: { phone: phone(10), timezone: 'Asia/Tehran', locale: 'fa', consent: { sms: true } },
    journey: 'secondOffer',
    local: '09:30',
    zone: 'Asia/Tehran',
    expected: 'frequency_cap',
  },
  {
    customerId: 'agree-capped',
    customer: { phone: phone(10), timezone: 'Asia/Tehran', locale: 'fa', consent: { sms: true } },
    journey: 'receipt',
    local: '09:45',
    zone: 'Asia/Tehran',
    expected: 'send',
  },
  {
    customerId: 'agree-flash-at-night',
    customer: { phone: phone(11), timezone: 'Asia/Tehran', consent: { sms: true } },
    journey: 'flash',
    local: '22:30',
    zone: 'Asia/Tehran',
    expected: 'expired',
  },
  {
    customerId: 'agree-whatsapp-never-wrote',
    customer: { phone: phone(13), timezone: 'Asia/Tehran', consent: { whatsapp: true } },
    journey: 'whatsapp',
    local: '11:00',
    zone: 'Asia/Tehran',
    expected: 'outside_session_window',
  },
  {
    customerId: 'agree-whatsapp-wrote-today',
    customer: { phone: phone(14), timezone: 'Asia/Tehran', consent: { whatsapp: true } },
    journey: 'whatsapp',
    local: '11:05',
    zone: 'Asia/Tehran',
    expected: 'send',
    wroteHoursBefore: 2,
  },
  {
    customerId: 'agree-whatsapp-wrote-yesterday',
    customer: { phone: phone(15), timezone: 'Asia/Tehran', consent: { whatsapp: true } },
    journey: 'whatsapp',
    local: '11:10',
    zone: 'Asia/Tehran',
    expected: 'outside_session_window',
    wroteHoursBefore: 25,
  },
  {
    customerId: 'agree-flash-by-day',
    customer: { phone: phone(12), timezone: 'Asia/Tehran', consent: { sms: true } },
    journey: 'flash',
    local: '14:00',
    zone: 'Asia/Tehran',
    expected: 'send',
  },
];

const momentOf = (t: Timeline) => DateTime.fromISO(`2026-12-14T${t.local}`, { zone: t.zone }).toJSDate();

/** The simulation's word on the send step: the first hold, send or suppression (`after` the hold: the next). */
function simulated(steps: SimulatedStep[], after: 'hold' | 'none' = 'none'): Outcome {
  const decisions = steps.filter((s) => ['hold', 'send', 'suppress'].includes(s.action));
  const step = decisions[after === 'hold' ? 1 : 0];
  const index = steps.indexOf(step);
  if (!step) throw new Error(`no send decision in ${JSON.stringify(steps)}`);
  switch (step.action) {
    case 'hold':
      return { kind: 'defer', until: steps[index + 1].at };
    case 'send':
      return { kind: 'send', body: step.rendered?.body ?? step.rendered?.subject };
    default:
      return { kind: 'suppress', reason: (step.reason ?? '').split(':')[0] };
  }
}

describe('the send decision: the worker and the simulation agree', () => {
  const clock = new ShiftedClock();
  let tp: TouchpointHarness;
  const journeyIds = new Map<JourneyKey, string>();

  const touchpointsOf = async (customerId: string) =>
    (await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
      .items;
  /** The text the sandbox provider was handed for a touchpoint. */
  const sentBody = async (touchpointId: string) => {
    const row = await tp.db
      .selectFrom('sandbox_messages')
      .select('body')
      .where('touchpoint_id', '=', touchpointId)
      .executeTakeFirstOrThrow();
    return row.body;
  };

  /** What the worker did with the newest touchpoint, once it decided (a customer's list is oldest first). */
  const workerOutcome = async (t: Timeline, count: number, orHeld = true): Promise<Outcome> => {
    const newest = await waitFor(`the worker's decision for ${t.customerId} on ${t.journey}`, async () => {
      const items = await touchpointsOf(t.customerId);
      const item = items.length === count ? items.at(-1) : undefined;
      // Held: a second `scheduled` event, the quiet hours' (a message on its way has others).
      const held =
        item?.status === 'scheduled' && item.events.filter((e) => e.status === 'scheduled').length === 2;
      return (
        item &&
        ((orHeld && held) || ['sent', 'suppressed', 'expired', 'failed'].includes(item.status)) &&
        item
      );
    });
    switch (newest.status) {
      case 'scheduled':
        return { kind: 'defer', until: newest.scheduledFor };
      case 'sent':
        return { kind: 'send', body: await sentBody(newest.id) };
      default:
        return { kind: 'suppress', reason: newest.error ?? newest.status };
    }
  };

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ clock });
    clock.shiftTo(momentOf(TIMELINES[0]));
    const caps = { caps: [{ channel: 'sms', max: 1, per: 'day' }] };
    expect((await tp.request('PUT', '/v1/settings/frequency-caps', caps)).status).toBe(200);
    for (const [key, journey] of Object.entries(JOURNEYS)) {
      const res = await tp.request<{ id: string }>('POST', '/v1/journeys', {
        name: `Agreement ${key}`,
        stage: 'retention',
        trigger: { event: `agree_${key}` },
        ...journey,
      });
      expect(res.status).toBe(201);
      journeyIds.set(key as JourneyKey, res.body.id);
    }
  });
  afterAll(() => tp?.close());

  it('should end every timeline the same way in the worker as in the simulation', async () => {
    const ordered = [...TIMELINES].sort((a, b) => momentOf(a).getTime() - momentOf(b).getTime());
    const sentSoFar = new Map<string, number>();
    const outcomes: {
      t: Timeline;
      timeline: string;
      steps: SimulatedStep[];
      simulated: Outcome;
      worker: Outcome;
    }[] = [];
    for (const t of ordered) {
      const at = momentOf(t);
      // The clock only moves forward in a running app: the timelines are played in time order.
      clock.shiftTo(at);
      expect((await tp.request('PUT', `/v1/customers/${t.customerId}`, t.customer)).status).toBe(200);
      if (t.wroteHoursBefore !== undefined) {
        const wrote = new Date(at.getTime() - t.wroteHoursBefore * 3_600_000).toISOString();
        await tp.db
          .updateTable('customers')
          .set({ last_inbound: JSON.stringify({ whatsapp: wrote }) })
          .where('id', '=', t.customerId)
          .execute();
      }
      const journeyId = journeyIds.get(t.journey) ?? '';
      // Simulated first: once the worker has sent, that message would count against the caps.
      const simulation = await tp.request<{ steps: SimulatedStep[] }>(
        'POST',
        `/v1/journeys/${journeyId}/simulate`,
        { customer: { id: t.customerId }, events: [{ name: `agree_${t.journey}`, at: at.toISOString() }] },
      );
      expect(simulation.status).toBe(200);
      const count = (sentSoFar.get(t.customerId) ?? 0) + 1;
      sentSoFar.set(t.customerId, count);
      const event = { customerId: t.customerId, name: `agree_${t.journey}` };
      expect((await tp.request('POST', '/v1/events', event)).status).toBe(202);
      outcomes.push({
        t,
        timeline: `${t.customerId} ${t.journey} ${t.local} ${t.zone}`,
        steps: simulation.body.steps,
        simulated: simulated(simulation.body.steps),
        worker: await workerOutcome(t, count),
      });
    }

    for (const { timeline, simulated: sim, worker } of outcomes) {
      expect(worker, timeline).toEqual(sim);
    }
    const expected = ordered.map((t) => `${t.customerId} ${t.journey} ${t.local} ${t.zone}: ${t.expected}`);
    const seen = outcomes.map(
      ({ timeline, worker }) => `${timeline}: ${worker.kind === 'suppress' ? worker.reason : worker.kind}`,
    );
    expect(seen).toEqual(expected);
    const persian = outcomes.find((o) => o.timeline.startsWith('agree-persian'));
    expect(persian?.worker).toEqual({ kind: 'send', body: 'سلام سارا، ۲۰٪ تخفیف' });

    // Past every hold's end, the held messages are decided again: as the simulation said they would be.
    const held = outcomes.filter((o) => o.worker.kind === 'defer');
    const ends = held.map((o) => (o.worker.kind === 'defer' ? Date.parse(o.worker.until) : 0));
    clock.shiftTo(new Date(Math.max(...ends) + 1_000));
    for (const o of held) {
      const count = outcomes.filter((other) => other.t.customerId === o.t.customerId).length;
      expect(await workerOutcome(o.t, count, false), o.timeline).toEqual(simulated(o.steps, 'hold'));
    }
  });
});
