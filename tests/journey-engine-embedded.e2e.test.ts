import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface TouchpointItem {
  status: string;
  error: string | null;
  stepId: string;
}

/** PGlite has one connection: every engine path must run inside its transaction, never beside it. */
describe('the journey engine on embedded PGlite', () => {
  let tp: TouchpointHarness;

  const touchpoints = async (customerId: string) =>
    (await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
      .items;
  const customer = async (id: string, phone: string) =>
    expect(
      (
        await tp.request('PUT', `/v1/customers/${id}`, {
          phone,
          timezone: 'Asia/Tehran',
          consent: { sms: true },
        })
      ).status,
    ).toBe(200);
  const send = async (customerId: string, name: string) =>
    expect((await tp.request('POST', '/v1/events', { customerId, name })).status).toBe(202);
  const create = async (definition: object) => {
    const res = await tp.request<{ id: string }>('POST', '/v1/journeys', definition);
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const sms = (name: string, trigger: string) => ({
    name,
    stage: 'retention',
    trigger: { event: trigger },
    steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: name } }],
  });

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ embedded: true });
  });
  afterAll(() => tp?.close());

  it('should enforce a frequency cap under the advisory lock', async () => {
    expect(
      (
        await tp.request('PUT', '/v1/settings/frequency-caps', {
          caps: [{ channel: 'any', max: 1, per: 'PT1H' }],
        })
      ).status,
    ).toBe(200);
    await create(sms('Embedded A', 'embedded_sale'));
    await create(sms('Embedded B', 'embedded_sale'));
    await customer('c-embedded-cap', '+989121110001');
    await send('c-embedded-cap', 'embedded_sale');

    const items = await waitFor('both touchpoints decided', async () => {
      const found = await touchpoints('c-embedded-cap');
      return (
        found.length === 2 && found.every((t) => t.status === 'sent' || t.status === 'suppressed') && found
      );
    });
    expect(items.map((t) => [t.status, t.error]).sort()).toEqual([
      ['sent', null],
      ['suppressed', 'frequency_cap'],
    ]);
    await tp.request('PUT', '/v1/settings/frequency-caps', { caps: [] });
  });

  it('should end a wait_for_event on its event, and pause, resume, archive and simulate', async () => {
    const journeyId = await create({
      name: 'Embedded wait',
      stage: 'decision',
      trigger: { event: 'embedded_cart' },
      steps: [
        {
          id: 'bought',
          type: 'wait_for_event',
          event: 'embedded_order',
          timeout: 'PT30S',
          onEvent: 'thanks',
          onTimeout: 'nudge',
        },
        { id: 'nudge', type: 'send', channel: 'sms', template: { body: 'nudge' }, next: 'done' },
        { id: 'thanks', type: 'send', channel: 'sms', template: { body: 'thanks' } },
        { id: 'done', type: 'exit' },
      ],
    });
    await customer('c-embedded-wait', '+989121110002');
    await send('c-embedded-wait', 'embedded_cart');
    await waitFor('the wait to start', async () => (await tp.count('scheduled_steps')) > 0);
    await send('c-embedded-wait', 'embedded_order');
    await waitFor(
      'the thank-you SMS',
      async () => (await touchpoints('c-embedded-wait'))[0]?.status === 'sent',
    );
    expect((await touchpoints('c-embedded-wait')).map((t) => t.stepId)).toEqual(['thanks']);

    for (const [method, path, status] of [
      ['POST', 'pause', 'paused'],
      ['POST', 'resume', 'active'],
      ['DELETE', '', 'archived'],
    ] as const) {
      const res = await tp.request<{ status: string }>(
        method,
        `/v1/journeys/${journeyId}${path ? `/${path}` : ''}`,
      );
      expect(res).toMatchObject({ status: 200, body: { status } });
    }
    const history = await tp.request<{ items: { action: string }[] }>(
      'GET',
      `/v1/journeys/${journeyId}/history`,
    );
    expect(history.body.items.map((c) => c.action)).toEqual(['created', 'paused', 'resumed', 'archived']);
    const simulated = await tp.request<{ steps: { stepId: string; action: string }[] }>(
      'POST',
      `/v1/journeys/${journeyId}/simulate`,
      { customer: { id: 'c-embedded-wait' }, events: [{ name: 'embedded_cart' }] },
    );
    expect(simulated.body.steps.map((s) => [s.stepId, s.action])).toEqual([
      ['bought', 'wait'],
      ['nudge', 'send'],
      ['done', 'exit'],
    ]);
  });
});
