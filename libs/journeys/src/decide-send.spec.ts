import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyQuietHours } from './apply-quiet-hours';
import { decideSend, decideSendWith, recheckSend, type SendDecisionInput } from './decide-send';
import type { FrequencyCap } from './frequency-cap';
import { JOURNEY_CHANNELS } from './journey-channel';

const HOUR = 3_600_000;
const channel = fc.constantFrom(...JOURNEY_CHANNELS);
const timeOfDay = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const cap: fc.Arbitrary<FrequencyCap> = fc.record({
  channel: fc.constantFrom(...JOURNEY_CHANNELS, 'any' as const),
  max: fc.integer({ min: 0, max: 3 }),
  per: fc.constantFrom('day', 'week', 'PT6H'),
});

/** Every input the decision reads, the costly ones included. */
const fullInput: fc.Arbitrary<Required<SendDecisionInput>> = fc
  .record({
    now: fc.date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2027-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    quietHours: fc.option(fc.record({ start: timeOfDay, end: timeOfDay }), { nil: undefined }),
    transactional: fc.boolean(),
    channel,
    timezone: fc.constantFrom(
      'UTC',
      'Asia/Tehran',
      'America/New_York',
      'Asia/Kolkata',
      'Pacific/Chatham',
      null,
    ),
    consent: fc.record({ sms: fc.boolean(), email: fc.boolean(), push: fc.boolean() }, { requiredKeys: [] }),
    address: fc.option(fc.constantFrom('+989121234567', 'sara@example.com', 'fcm:token'), { nil: null }),
    expiresIn: fc.option(fc.integer({ min: -48 * HOUR, max: 48 * HOUR }), { nil: null }),
    caps: fc.array(cap, { maxLength: 3 }),
    sentAgo: fc.array(fc.tuple(channel, fc.integer({ min: 0, max: 9 * 24 * HOUR })), { maxLength: 6 }),
    rendered: fc.oneof(
      fc.constant({ ok: true as const, rendered: { channel: 'sms', body: 'سلام سارا' } }),
      fc.constant({ ok: false as const, error: 'body: unknown variable "custmer"' }),
    ),
  })
  .map((r) => ({
    now: r.now,
    journey: { quietHours: r.quietHours, transactional: r.transactional },
    channel: r.channel,
    customer: { timezone: r.timezone, consent: r.consent },
    address: r.address,
    expiresAt: r.expiresIn === null ? null : new Date(r.now.getTime() + r.expiresIn),
    caps: r.caps,
    // With a provider template: WhatsApp's window never suppresses here (see its own case below).
    session: { template: { body: 'سلام', contentSid: 'HX1' }, lastInboundAt: null },
    sentBefore: r.sentAgo.map(([c, ago]) => ({ channel: c, at: new Date(r.now.getTime() - ago) })),
    rendered: r.rendered,
  }));

const consentAllows = (input: SendDecisionInput) => {
  const given = input.customer.consent[input.channel];
  return given === true || (input.journey.transactional && given !== false);
};

describe('decideSend', () => {
  it('should decide every complete input, and the same way twice', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const decision = decideSend(input);
        expect(decision.kind).not.toBe('needs');
        expect(decideSend(input)).toEqual(decision);
      }),
    );
  });

  it('should send only to the address given, with consent, unexpired, outside quiet hours', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const decision = decideSend(input);
        if (decision.kind !== 'send') return;
        expect(decision.to).toBe(input.address);
        expect(consentAllows(input)).toBe(true);
        expect(input.expiresAt === null || input.expiresAt > input.now).toBe(true);
        expect(applyQuietHours(input.now, input.journey.quietHours, input.customer.timezone).held).toBe(
          false,
        );
        expect(input.rendered).toEqual({ ok: true, rendered: decision.rendered });
      }),
    );
  });

  it('should defer to the end of the quiet hours, before the expiry, and move on from there', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const decision = decideSend(input);
        if (decision.kind !== 'defer') return;
        expect(decision.until.getTime()).toBeGreaterThan(input.now.getTime());
        expect(decision.until.getTime() - input.now.getTime()).toBeLessThanOrEqual(25 * HOUR);
        if (input.expiresAt) expect(decision.until.getTime()).toBeLessThan(input.expiresAt.getTime());
        // Decided again then: sent or suppressed, or (a clock change skipped the end) held on, never back.
        const again = decideSend({ ...input, now: decision.until });
        if (again.kind === 'defer') expect(again.until.getTime()).toBeGreaterThan(decision.until.getTime());
      }),
    );
  });

  it('should never send an expired message, however the other rules fall', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const decision = decideSend(input);
        if (input.expiresAt && input.expiresAt <= input.now) {
          expect(decision).toMatchObject({ kind: 'suppress', reason: 'expired' });
        }
      }),
    );
  });

  it('should suppress without consent or address, whatever the caps and the template', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const decision = decideSend(input);
        if (decision.kind === 'defer' || (decision.kind === 'suppress' && decision.reason === 'expired')) {
          return;
        }
        if (!consentAllows(input)) expect(decision).toMatchObject({ reason: 'no_consent' });
        else if (!input.address) expect(decision).toMatchObject({ reason: 'no_address' });
      }),
    );
  });

  it('should cap marketing only, and only a cap whose window is full', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const decision = decideSend(input);
        if (decision.kind !== 'suppress' || decision.reason !== 'frequency_cap') return;
        expect(input.journey.transactional).toBe(false);
        expect(decision.cap && input.caps).toContain(decision.cap);
        expect(decision.cap?.channel === 'any' || decision.cap?.channel === input.channel).toBe(true);
      }),
    );
  });

  it('should not let more messages sent before turn a capped send into a sent one', () => {
    fc.assert(
      fc.property(fullInput, channel, (input, more) => {
        const busier = { ...input, sentBefore: [...input.sentBefore, { channel: more, at: input.now }] };
        if (decideSend(input).kind === 'send') return;
        expect(decideSend(busier).kind).not.toBe('send');
      }),
    );
  });

  it('should ask for the history and the rendering only when they can matter, and decide the same with them', async () => {
    await fc.assert(
      fc.asyncProperty(fullInput, async (input) => {
        const { sentBefore, rendered, ...cheap } = input;
        const asked: string[] = [];
        const decision = await decideSendWith(cheap, {
          sentBefore: () => (asked.push('sentBefore'), Promise.resolve(sentBefore)),
          render: () => (asked.push('rendered'), Promise.resolve(rendered)),
        });
        expect(decision).toEqual(decideSend(input));
        const lazy = decideSend(cheap);
        if (lazy.kind !== 'needs') expect(asked).toEqual([]);
        if (asked.includes('sentBefore')) expect(input.journey.transactional).toBe(false);
        if (decision.kind === 'send') expect(asked).toContain('rendered');
      }),
    );
  });

  it('should hold a Tehran evening send until the quiet hours end, then expire it if that is too late', () => {
    const input = {
      now: new Date('2026-12-02T17:30:00Z'), // 21:00 in Tehran
      journey: { quietHours: { start: '20:00', end: '08:00' }, transactional: false },
      channel: 'sms' as const,
      customer: { timezone: 'Asia/Tehran', consent: { sms: true } },
      address: '+989121234567',
      caps: [],
    };
    expect(decideSend(input)).toEqual({
      kind: 'defer',
      until: new Date('2026-12-03T04:30:00Z'),
      reason: 'quiet_hours',
    });
    expect(decideSend({ ...input, expiresAt: new Date('2026-12-02T19:30:00Z') })).toEqual({
      kind: 'suppress',
      reason: 'expired',
      message: 'not worth sending after 2026-12-02T19:30:00.000Z',
    });
  });

  it('should suppress free-form WhatsApp outside the 24-hour window, after consent and before the caps', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const input = {
      now,
      journey: { transactional: true },
      channel: 'whatsapp' as const,
      customer: { timezone: 'UTC', consent: { whatsapp: true } },
      address: '+989121234567',
      caps: [],
      rendered: { ok: true as const, rendered: { channel: 'whatsapp', body: 'Hi' } },
    };
    const lastWrote = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
    const freeForm = (hoursAgo: number) => ({ template: { body: 'Hi' }, lastInboundAt: lastWrote(hoursAgo) });

    expect(decideSend({ ...input, session: freeForm(23) }).kind).toBe('send');
    expect(decideSend({ ...input, session: freeForm(25) })).toMatchObject({
      kind: 'suppress',
      reason: 'outside_session_window',
    });
    const templated = { template: { body: 'Hi', contentSid: 'HX1' }, lastInboundAt: lastWrote(25) };
    expect(decideSend({ ...input, session: templated }).kind).toBe('send');
    const revoked = { ...input, customer: { timezone: 'UTC', consent: { whatsapp: false } } };
    expect(decideSend({ ...revoked, session: freeForm(25) })).toMatchObject({ reason: 'no_consent' });
  });
});

describe('recheckSend', () => {
  const now = new Date('2026-12-02T10:00:00Z');

  it('should stop a message past its expiry, then one whose channel was revoked since', () => {
    const base = { now, channel: 'sms' as const, consent: { sms: true }, expiresAt: null };
    expect(recheckSend(base)).toBeNull();
    expect(recheckSend({ ...base, expiresAt: now })).toBe('expired');
    expect(recheckSend({ ...base, consent: { sms: false } })).toBe('no_consent');
    expect(recheckSend({ ...base, consent: undefined })).toBeNull();
  });
});
