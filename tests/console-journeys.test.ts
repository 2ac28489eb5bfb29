import {
  EnrollmentRepository,
  EventRepository,
  ManualClock,
  TouchpointRepository,
  type TouchpointStatus,
} from '@touchpoint/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';

/**
 * The console's journey endpoints against a small fixture counted by hand: a cart journey (a wait, then an
 * A/B split with a 20% holdout, then an SMS per variant; goal order_completed within 7 days), a win-back
 * journey paused by the marketer, an archived one. The period is [T0, T0 + 2 days).
 */
const T0 = new Date('2026-06-01T00:00:00Z');
const H = 3_600_000;
const D = 24 * H;
const at = (ms: number) => new Date(T0.getTime() + ms);
const PERIOD = `from=${T0.toISOString()}&to=${at(2 * D).toISOString()}`;

const cartJourney = {
  name: 'Cart A/B',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  goal: { event: 'order_completed', within: 'P7D' },
  steps: [
    { id: 'wait', type: 'wait', duration: 'PT1H' },
    {
      id: 'split',
      type: 'split',
      variants: [
        { name: 'A', weight: 50, next: 'smsA' },
        { name: 'B', weight: 50, next: 'smsB' },
      ],
      holdout: 20,
    },
    { id: 'smsA', type: 'send', channel: 'sms', template: { body: 'A' }, next: 'done' },
    { id: 'smsB', type: 'send', channel: 'sms', template: { body: 'B' }, next: 'done' },
    { id: 'done', type: 'exit' },
  ],
};
const winBack = {
  name: 'Win back',
  stage: 'retention',
  trigger: { event: 'idle' },
  steps: [{ id: 'push', type: 'send', channel: 'push', template: { title: 'Hi', body: 'Back?' } }],
};

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}
interface SummaryItem {
  id: string;
  name: string;
  status: string;
  version: number;
  hasDraft: boolean;
  stage: string;
  trigger: { event: string };
  updatedAt: string;
  updatedBy: { keyId: string | null; name: string } | null;
  numbers: { entered: number; sent: number; delivered: number; converted: number };
}

describe('the console journey endpoints: summary, drafts, versions, step numbers, lifecycle', () => {
  let tp: TouchpointHarness;
  const clock = new ManualClock(at(D));
  let marketer: { id: string; key: string };
  let analyst: string;
  let cartId: string;
  let winBackId: string;
  let archivedId: string;

  const as = (key: string) => ({ key });
  const byId = (items: SummaryItem[], id: string) => items.find((i) => i.id === id)!;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false, clock });
    marketer = (
      await tp.request<{ id: string; key: string }>('POST', '/v1/api-keys', {
        name: 'Mina',
        role: 'marketer',
      })
    ).body;
    analyst = await tp.keyFor('analyst');
    cartId = (await tp.request<{ id: string }>('POST', '/v1/journeys', cartJourney)).body.id;
    winBackId = (await tp.request<{ id: string }>('POST', '/v1/journeys', winBack, as(marketer.key))).body.id;
    expect(
      (await tp.request('POST', `/v1/journeys/${winBackId}/pause`, undefined, as(marketer.key))).status,
    ).toBe(200);
    archivedId = (await tp.request<{ id: string }>('POST', '/v1/journeys', { ...winBack, name: 'Old' })).body
      .id;
    expect((await tp.request('DELETE', `/v1/journeys/${archivedId}`)).status).toBe(200);

    const repo = tp.app.get(TouchpointRepository);
    const enroll = async (
      customer: string,
      variant: string | null,
      status: 'active' | 'completed' | 'holdout',
      enrolledAt = at(H),
    ) => {
      const id = randomUUID();
      await tp.db
        .insertInto('enrollments')
        .values({
          id,
          journey_id: cartId,
          journey_version: 1,
          customer_id: customer,
          status,
          variant,
          enrolled_at: enrolledAt,
        })
        .execute();
      return id;
    };
    const step = (
      enrollment: string,
      stepId: string,
      status: 'waiting' | 'queued' | 'done',
      created = at(H),
    ) =>
      tp.db
        .insertInto('scheduled_steps')
        .values({
          id: randomUUID(),
          enrollment_id: enrollment,
          step_id: stepId,
          due_at: at(2 * H),
          status,
          created_at: created,
          updated_at: created,
        })
        .execute();
    const touchpoint = async (
      customer: string,
      enrollment: string,
      stepId: string,
      trail: TouchpointStatus[],
      created = at(2 * H),
      error?: string,
    ) => {
      const id = await repo.createScheduled(tp.db, {
        enrollmentId: enrollment,
        stepId,
        customerId: customer,
        journeyId: cartId,
        journeyVersion: 1,
        stage: 'decision',
        channel: 'sms',
        scheduledFor: created,
        at: created,
      });
      let from: TouchpointStatus = 'scheduled';
      for (const to of trail) {
        const set =
          to === 'sent'
            ? { sent_at: created, provider: 'sandbox' }
            : to === 'suppressed' || to === 'failed'
              ? { error }
              : {};
        expect(await repo.transition(tp.db, id, { from, to, at: created, set })).toBeDefined();
        from = to;
      }
    };

    // c1 variant A, active: past the wait, smsA delivered at +2h; order at +5h → converted (on smsA).
    const e1 = await enroll('c1', 'A', 'active');
    await step(e1, 'wait', 'done');
    await touchpoint('c1', e1, 'smsA', ['sending', 'sent', 'delivered']);
    // c2 variant B, completed: smsB failed.
    const e2 = await enroll('c2', 'B', 'completed');
    await step(e2, 'wait', 'done');
    await touchpoint('c2', e2, 'smsB', ['sending', 'failed'], at(2 * H), 'TWILIO.21211');
    // c3 holdout: gets nothing, orders at +3h (the control group converts).
    await enroll('c3', null, 'holdout');
    // c4 variant A, enrolled the day before the period: smsA sent then (outside the period).
    const e4 = await enroll('c4', 'A', 'completed', at(-D));
    await touchpoint('c4', e4, 'smsA', ['sending', 'sent'], at(-D + H));
    // c5 active, still in the wait.
    const e5 = await enroll('c5', null, 'active');
    await step(e5, 'wait', 'waiting');
    // c6 variant B, completed: smsB suppressed by the frequency cap.
    const e6 = await enroll('c6', 'B', 'completed');
    await step(e6, 'wait', 'done');
    await touchpoint('c6', e6, 'smsB', ['suppressed'], at(2 * H), 'frequency_cap');
    // c7 variant A, active: smsA queued, not sent yet.
    const e7 = await enroll('c7', 'A', 'active');
    await step(e7, 'wait', 'done');
    await step(e7, 'smsA', 'queued');
    await touchpoint('c7', e7, 'smsA', []);
    const goalEvents: string[] = [];
    for (const [customer, ms] of [
      ['c1', 5 * H],
      ['c3', 3 * H],
    ] as const) {
      const id = randomUUID();
      goalEvents.push(id);
      await tp.db
        .insertInto('events')
        .values({
          id,
          customer_id: customer,
          name: 'order_completed',
          properties: '{}',
          occurred_at: at(ms),
          received_at: at(ms),
          processed_at: at(ms),
        })
        .execute();
    }
    // Inserted as already processed: what the worker records with its claim, recorded here.
    await tp.app.get(EventRepository).recordConversions(tp.db, goalEvents);
    await tp.app.get(EnrollmentRepository).recordConversions(tp.db, ['c1', 'c3']);
  });
  afterAll(() => tp?.close());

  describe('GET /v1/journeys/summary', () => {
    it('should list every journey with who changed it last and its numbers for the period', async () => {
      const res = await tp.request<{ items: SummaryItem[]; from: string; to: string }>(
        'GET',
        `/v1/journeys/summary?${PERIOD}`,
        undefined,
        as(analyst),
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((i) => i.name).sort()).toEqual(['Cart A/B', 'Old', 'Win back']);
      expect(byId(res.body.items, cartId)).toEqual({
        id: cartId,
        name: 'Cart A/B',
        trigger: { event: 'cart_abandoned' },
        stage: 'decision',
        status: 'active',
        version: 1,
        hasDraft: false,
        updatedAt: expect.any(String),
        updatedBy: { keyId: expect.any(String), name: 'admin (ADMIN_API_KEY)' },
        // entered: c1 c2 c3 c5 c6 c7 (c4 enrolled before); sent and delivered: c1's smsA; converted: c1 (c3 is holdout).
        numbers: { entered: 6, sent: 1, delivered: 1, converted: 1 },
      });
      expect(byId(res.body.items, winBackId)).toMatchObject({
        status: 'paused',
        updatedBy: { keyId: marketer.id, name: 'Mina' },
        numbers: { entered: 0, sent: 0, delivered: 0, converted: 0 },
      });
      expect(byId(res.body.items, archivedId).status).toBe('archived');
    });

    it('should default to the 7 days up to now, and filter by status', async () => {
      const res = await tp.request<{ items: SummaryItem[]; from: string; to: string }>(
        'GET',
        '/v1/journeys/summary',
      );
      expect([res.body.from, res.body.to]).toEqual([at(-6 * D).toISOString(), at(D).toISOString()]);
      // c4 enrolled at T0 - 1 day now counts, and its sent smsA.
      expect(byId(res.body.items, cartId).numbers).toEqual({
        entered: 7,
        sent: 2,
        delivered: 1,
        converted: 1,
      });
      const paused = await tp.request<{ items: SummaryItem[] }>('GET', '/v1/journeys/summary?status=paused');
      expect(paused.body.items.map((i) => i.id)).toEqual([winBackId]);
    });

    it('should refuse a bad period naming the field', async () => {
      const bad = await tp.request<Problem>(
        'GET',
        `/v1/journeys/summary?from=${at(D).toISOString()}&to=${T0.toISOString()}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0].path).toBe('to');
      const junk = await tp.request<Problem>('GET', '/v1/journeys/summary?from=yesterday');
      expect(junk.status).toBe(400);
      expect(junk.body.errors?.[0].path).toBe('from');
    });
  });

  describe('GET /v1/journeys/{id}/steps/stats', () => {
    it('should give each step its numbers, the split its variants and holdout', async () => {
      const res = await tp.request<{ steps: Record<string, unknown> }>(
        'GET',
        `/v1/journeys/${cartId}/steps/stats?${PERIOD}`,
        undefined,
        as(analyst),
      );
      expect(res.status).toBe(200);
      const none = { sent: 0, delivered: 0, failed: 0, suppressed: {}, converted: 0, variants: {} };
      expect(res.body.steps).toEqual({
        // c1 c2 c5 c6 c7 reached the wait in the period; c5 is still in it.
        wait: { ...none, entered: 5, waiting: 1 },
        // Everyone enrolled in the period but c5 (no variant yet) went through the split.
        split: {
          ...none,
          entered: 5,
          waiting: 0,
          converted: 1,
          variants: {
            A: { entered: 2, converted: 1 },
            B: { entered: 2, converted: 0 },
            holdout: { entered: 1, converted: 1 },
          },
        },
        smsA: { ...none, entered: 2, waiting: 1, sent: 1, delivered: 1, converted: 1 },
        smsB: { ...none, entered: 2, waiting: 0, failed: 1, suppressed: { frequency_cap: 1 } },
        done: { ...none, entered: 0, waiting: 0 },
      });
    });

    it('should answer 404 for an unknown journey', async () => {
      expect((await tp.request('GET', `/v1/journeys/${randomUUID()}/steps/stats`)).status).toBe(404);
      expect((await tp.request('GET', '/v1/journeys/nope/steps/stats')).status).toBe(404);
    });
  });

  describe('GET /v1/journeys/{id}/lifecycle-preview', () => {
    it('should count the customers inside and the messages not sent yet', async () => {
      const res = await tp.request('GET', `/v1/journeys/${cartId}/lifecycle-preview`, undefined, as(analyst));
      expect(res.body).toEqual({ waiting: 3, pendingMessages: 1 });
      expect((await tp.request('GET', `/v1/journeys/${randomUUID()}/lifecycle-preview`)).status).toBe(404);
    });
  });

  describe('drafts, publishing and versions', () => {
    const badDraft = { ...winBack, steps: [{ id: 'w', type: 'wait', duration: '3 days' }] };

    it('should keep an invalid draft, show it to colleagues, and mark the journey as having one', async () => {
      expect((await tp.request('GET', `/v1/journeys/${winBackId}/draft`)).status).toBe(404);
      const saved = await tp.request(
        'PUT',
        `/v1/journeys/${winBackId}/draft`,
        { definition: badDraft, baseVersion: 1 },
        as(marketer.key),
      );
      expect(saved.status).toBe(200);
      const seen = await tp.request('GET', `/v1/journeys/${winBackId}/draft`, undefined, as(analyst));
      expect(seen.body).toEqual({
        journeyId: winBackId,
        definition: badDraft,
        baseVersion: 1,
        updatedAt: clock.now().toISOString(),
        updatedBy: { keyId: marketer.id, name: 'Mina' },
      });
      const list = await tp.request<{ items: SummaryItem[] }>('GET', '/v1/journeys/summary');
      expect(byId(list.body.items, winBackId).hasDraft).toBe(true);
      expect(byId(list.body.items, cartId).hasDraft).toBe(false);
    });

    it('should refuse bad drafts and analysts, naming the field and changing nothing', async () => {
      const before = await tp.db.selectFrom('journey_drafts').selectAll().execute();
      const cases: [unknown, string][] = [
        [{ definition: 'steps', baseVersion: 1 }, 'definition'],
        [{ definition: {} }, 'baseVersion'],
        [{ definition: {}, baseVersion: 9 }, 'baseVersion'],
      ];
      for (const [body, path] of cases) {
        const res = await tp.request<Problem>(
          'PUT',
          `/v1/journeys/${winBackId}/draft`,
          body,
          as(marketer.key),
        );
        expect(res.status, path).toBe(400);
        expect(res.body.errors?.[0].path).toBe(path);
      }
      expect(
        (
          await tp.request(
            'PUT',
            `/v1/journeys/${winBackId}/draft`,
            { definition: {}, baseVersion: 1 },
            as(analyst),
          )
        ).status,
      ).toBe(403);
      expect(
        (await tp.request('POST', `/v1/journeys/${winBackId}/draft/publish`, undefined, as(analyst))).status,
      ).toBe(403);
      expect(
        (await tp.request('PUT', `/v1/journeys/${archivedId}/draft`, { definition: {}, baseVersion: 1 }))
          .status,
      ).toBe(409);
      expect(
        (await tp.request('PUT', `/v1/journeys/${randomUUID()}/draft`, { definition: {}, baseVersion: 1 }))
          .status,
      ).toBe(404);
      expect(await tp.db.selectFrom('journey_drafts').selectAll().execute()).toEqual(before);
    });

    it('should refuse to publish an invalid draft with paths into it, and keep the draft', async () => {
      const res = await tp.request<Problem>(
        'POST',
        `/v1/journeys/${winBackId}/draft/publish`,
        undefined,
        as(marketer.key),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toContain('steps.0.duration');
      expect((await tp.request('GET', `/v1/journeys/${winBackId}/draft`)).status).toBe(200);
      expect((await tp.request<{ version: number }>('GET', `/v1/journeys/${winBackId}`)).body.version).toBe(
        1,
      );
    });

    it('should publish a fixed draft as version 2, drop the draft, and keep version 1 readable', async () => {
      const fixed = { ...winBack, steps: [{ id: 'w', type: 'wait', duration: 'P3D' }, ...winBack.steps] };
      clock.advance(H);
      expect(
        (
          await tp.request(
            'PUT',
            `/v1/journeys/${winBackId}/draft`,
            { definition: fixed, baseVersion: 1 },
            as(marketer.key),
          )
        ).status,
      ).toBe(200);
      const published = await tp.request<{ version: number; steps: unknown[] }>(
        'POST',
        `/v1/journeys/${winBackId}/draft/publish`,
        undefined,
        as(marketer.key),
      );
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ version: 2, steps: fixed.steps });
      expect((await tp.request('GET', `/v1/journeys/${winBackId}/draft`)).status).toBe(404);

      const v1 = await tp.request('GET', `/v1/journeys/${winBackId}/versions/1`, undefined, as(analyst));
      expect(v1.body).toEqual({
        journeyId: winBackId,
        version: 1,
        definition: expect.objectContaining({ steps: winBack.steps }),
        createdAt: at(D).toISOString(),
        createdBy: { keyId: marketer.id, name: 'Mina' },
      });
      const v2 = await tp.request<{ definition: { steps: unknown[] } }>(
        'GET',
        `/v1/journeys/${winBackId}/versions/2`,
      );
      expect(v2.body.definition.steps).toEqual(fixed.steps);
      expect((await tp.request('GET', `/v1/journeys/${winBackId}/versions/3`)).status).toBe(404);
      expect((await tp.request('GET', `/v1/journeys/${winBackId}/versions/latest`)).status).toBe(404);
      const history = await tp.request<{ items: { action: string; actorKeyId: string | null }[] }>(
        'GET',
        `/v1/journeys/${winBackId}/history`,
      );
      expect(history.body.items.at(-1)).toMatchObject({ action: 'updated', actorKeyId: marketer.id });
    });

    it('should refuse to publish a draft based on a version that is no longer current', async () => {
      expect(
        (
          await tp.request(
            'PUT',
            `/v1/journeys/${winBackId}/draft`,
            { definition: winBack, baseVersion: 1 },
            as(marketer.key),
          )
        ).status,
      ).toBe(200);
      const res = await tp.request(
        'POST',
        `/v1/journeys/${winBackId}/draft/publish`,
        undefined,
        as(marketer.key),
      );
      expect(res.status).toBe(409);
      expect((await tp.request<{ version: number }>('GET', `/v1/journeys/${winBackId}`)).body.version).toBe(
        2,
      );
    });

    it('should discard a draft', async () => {
      expect(
        (await tp.request('DELETE', `/v1/journeys/${winBackId}/draft`, undefined, as(marketer.key))).status,
      ).toBe(204);
      expect((await tp.request('GET', `/v1/journeys/${winBackId}/draft`)).status).toBe(404);
      expect(
        (await tp.request('DELETE', `/v1/journeys/${winBackId}/draft`, undefined, as(marketer.key))).status,
      ).toBe(404);
    });
  });
});
