import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShiftedClock } from './support/shifted-clock';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface SandboxItem {
  to: string;
  body: string;
  at: string;
}
interface TouchpointItem {
  status: string;
  error: string | null;
  stepId: string;
  journeyId: string;
  scheduledFor: string;
  sentAt: string | null;
  events: { status: string; at: string }[];
}
interface SimulatedStep {
  stepId: string;
  action: string;
  at: string;
  localTime: string;
  channel: string | null;
  rendered: { body?: string } | null;
  reason: string | null;
}

const TEHRAN = 'Asia/Tehran';
const smsJourney = (name: string, trigger: string, extra: object = {}) => ({
  name,
  stage: 'retention',
  trigger: { event: trigger },
  steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: `${name} for {{ customer.id }}` } }],
  ...extra,
});

describe('delivery controls: quiet hours and frequency caps, end to end', () => {
  const clock = new ShiftedClock();
  let tp: TouchpointHarness;
  let seq = 0;

  /** A local time in Tehran, as the moment the app's clock should read; the clock only moves forward. */
  const tehran = (time: string, day = '2026-12-02') =>
    DateTime.fromISO(`${day}T${time}`, { zone: TEHRAN }).toJSDate();
  const customer = async (id: string) => {
    const phone = `+98912${String(3_000_000 + seq++).padStart(7, '0')}`;
    const res = await tp.request('PUT', `/v1/customers/${id}`, {
      phone,
      timezone: TEHRAN,
      consent: { sms: true },
    });
    expect(res.status).toBe(200);
    return phone;
  };
  const send = async (customerId: string, name: string) => {
    expect((await tp.request('POST', '/v1/events', { customerId, name })).status).toBe(202);
  };
  const sandbox = async (to: string) =>
    (
      await tp.request<{ items: SandboxItem[] }>(
        'GET',
        `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(to)}`,
      )
    ).body.items;
  const touchpoints = async (customerId: string) =>
    (await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
      .items;
  const settled = (items: TouchpointItem[]) =>
    items.every((t) => t.status === 'sent' || t.status === 'suppressed');
  const create = async (definition: object) => {
    const res = await tp.request<{ id: string }>('POST', '/v1/journeys', definition);
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const simulate = async (journeyId: string, body: object) => {
    const res = await tp.request<{ steps: SimulatedStep[] }>(
      'POST',
      `/v1/journeys/${journeyId}/simulate`,
      body,
    );
    expect(res.status).toBe(200);
    return res.body.steps;
  };

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ clock });
  });
  afterAll(() => tp?.close());

  describe('quiet hours', () => {
    it('should hold a send that comes due in quiet hours and send it when they end', async () => {
      const journeyId = await create(
        smsJourney('Evening offer', 'evening_offer', { quietHours: { start: '20:00', end: '21:00' } }),
      );
      const to = await customer('c-quiet');
      // Four seconds before the quiet hours end in the customer's timezone.
      clock.shiftTo(tehran('20:59:56'));
      await send('c-quiet', 'evening_offer');

      // The list reads rows, then their events: wait for both sides of the hold, not one.
      const [held] = await waitFor('the touchpoint held until 21:00', async () => {
        const items = await touchpoints('c-quiet');
        return (
          items[0]?.events.length === 2 && items[0].scheduledFor === tehran('21:00:00').toISOString() && items
        );
      });
      expect(held).toMatchObject({ status: 'scheduled', scheduledFor: tehran('21:00:00').toISOString() });
      expect(held.events.map((e) => e.status)).toEqual(['scheduled', 'scheduled']);
      expect(await sandbox(to)).toEqual([]);

      const [message] = await waitFor('the SMS once the quiet hours end', async () => {
        const items = await sandbox(to);
        return items.length > 0 && items;
      });
      expect(Date.parse(message.at)).toBeGreaterThanOrEqual(tehran('21:00:00').getTime());
      expect(message.body).toBe('Evening offer for c-quiet');
      const [sent] = await waitFor('the touchpoint to be sent', async () => {
        const items = await touchpoints('c-quiet');
        return items[0]?.status === 'sent' && items;
      });
      expect(sent.events.map((e) => e.status)).toEqual(['scheduled', 'scheduled', 'sending', 'sent']);
      const reason = await tp.db
        .selectFrom('touchpoint_events')
        .select('detail')
        .where('status', '=', 'scheduled')
        .where('detail', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(reason.detail).toEqual({ reason: 'quiet_hours', until: tehran('21:00:00').toISOString() });

      const steps = await simulate(journeyId, {
        customer: { id: 'c-quiet' },
        events: [{ name: 'evening_offer', at: tehran('20:30:00').toISOString() }],
      });
      expect(steps.map((s) => [s.action, s.localTime, s.reason])).toEqual([
        ['hold', '2026-12-02T20:30:00+03:30', 'quiet_hours: 20:00–21:00 Asia/Tehran, held until 21:00'],
        ['send', '2026-12-02T21:00:00+03:30', null],
        ['exit', '2026-12-02T21:00:00+03:30', 'completed: no step follows'],
      ]);
      expect(steps[1].rendered).toEqual({ channel: 'sms', body: 'Evening offer for c-quiet' });
    });
  });

  it('should simulate a draft definition instead of the published version, and refuse one that cannot run', async () => {
    const journeyId = await create(smsJourney('Draft offer', 'draft_offer'));
    await customer('c-draft');
    const draft = {
      ...smsJourney('Draft offer', 'draft_offer', { quietHours: { start: '20:00', end: '21:00' } }),
    };
    const steps = await simulate(journeyId, {
      customer: { id: 'c-draft' },
      events: [{ name: 'draft_offer', at: tehran('20:30:00', '2026-12-05').toISOString() }],
      definition: draft,
    });
    expect(steps.map((s) => [s.action, s.localTime])).toEqual([
      ['hold', '2026-12-05T20:30:00+03:30'],
      ['send', '2026-12-05T21:00:00+03:30'],
      ['exit', '2026-12-05T21:00:00+03:30'],
    ]);

    const bad = await tp.request<{ errors: { path: string; code: string }[] }>(
      'POST',
      `/v1/journeys/${journeyId}/simulate`,
      {
        customer: { id: 'c-draft' },
        events: [{ name: 'draft_offer' }],
        definition: { ...draft, steps: [{ id: 'w', type: 'wait', duration: '3 dayz' }] },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: 'definition.steps.0.duration', code: 'JOURNEY.INVALID_DURATION' }),
    ]);
  });

  describe('frequency caps', () => {
    let promoTwo: string;

    beforeAll(async () => {
      // Midday in Tehran: far from the day boundary the cap counts in.
      clock.shiftTo(tehran('12:00:00', '2026-12-03'));
      expect((await tp.request('GET', '/v1/settings/frequency-caps')).body).toEqual({ caps: [] });
      const caps = { caps: [{ channel: 'sms', max: 1, per: 'day' }] };
      const put = await tp.request('PUT', '/v1/settings/frequency-caps', caps);
      expect(put).toMatchObject({ status: 200, body: caps });
      expect((await tp.request('GET', '/v1/settings/frequency-caps')).body).toEqual(caps);
      const bad = await tp.request('PUT', '/v1/settings/frequency-caps', {
        caps: [{ channel: 'fax', max: 1, per: 'day' }],
      });
      expect(bad.status).toBe(400);
      expect((await tp.request('GET', '/v1/settings/frequency-caps')).body).toEqual(caps);

      await create(smsJourney('Promo one', 'promo_one'));
      promoTwo = await create(smsJourney('Promo two', 'promo_two'));
      await create(smsJourney('Password reset', 'password_reset', { transactional: true }));
      for (const name of ['A', 'B', 'C', 'D']) await create(smsJourney(`Flash sale ${name}`, 'flash_sale'));
    });

    it('should suppress the second marketing SMS of the day across journeys, but not a transactional one', async () => {
      const to = await customer('c-capped');
      await send('c-capped', 'promo_one');
      await waitFor(
        'the first SMS to be sent',
        async () => (await touchpoints('c-capped'))[0]?.status === 'sent',
      );

      await send('c-capped', 'promo_two');
      const [, second] = await waitFor('the second touchpoint to be decided', async () => {
        const items = await touchpoints('c-capped');
        return items.length === 2 && settled(items) && items;
      });
      expect(second).toMatchObject({ status: 'suppressed', error: 'frequency_cap', journeyId: promoTwo });

      await send('c-capped', 'password_reset');
      await waitFor('the transactional SMS', async () => {
        const items = await touchpoints('c-capped');
        return items.length === 3 && settled(items) && items;
      });
      expect((await sandbox(to)).map((m) => m.body).sort()).toEqual([
        'Password reset for c-capped',
        'Promo one for c-capped',
      ]);

      const steps = await simulate(promoTwo, {
        customer: { id: 'c-capped' },
        events: [{ name: 'promo_two' }],
      });
      expect(steps[0]).toMatchObject({
        action: 'suppress',
        channel: 'sms',
        reason: 'frequency_cap: at most 1 sms per day',
      });
    });

    it('should let only one of four journeys deciding at the same moment through', async () => {
      const to = await customer('c-flash');
      await send('c-flash', 'flash_sale');

      const items = await waitFor('the four flash-sale touchpoints to be decided', async () => {
        const found = await touchpoints('c-flash');
        return found.length === 4 && settled(found) && found;
      });
      expect(items.map((t) => t.status).sort()).toEqual(['sent', 'suppressed', 'suppressed', 'suppressed']);
      expect(items.filter((t) => t.error === 'frequency_cap')).toHaveLength(3);
      expect(await sandbox(to)).toHaveLength(1);
    });

    it('should count the cap in the customer’s day: a new local day sends again', async () => {
      const to = await customer('c-next-day');
      await send('c-next-day', 'promo_one');
      await waitFor('the first SMS', async () => (await sandbox(to)).length === 1);

      // 00:00:01 the next day in Tehran is still the same UTC day (20:30:01Z).
      clock.shiftTo(tehran('00:00:01', '2026-12-04'));
      await send('c-next-day', 'promo_two');
      await waitFor('the SMS of the new day', async () => (await sandbox(to)).length === 2);
      expect((await touchpoints('c-next-day')).map((t) => t.status)).toEqual(['sent', 'sent']);
    });
  });
});
