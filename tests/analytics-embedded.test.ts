import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, TouchpointHarness } from './support/touchpoint-harness';
import { seedTouchpointLog, type SeededLog } from './support/touchpoint-seed';

/** The same SQL on embedded PGlite (one connection): the log, the export in batches, stats, stages, the map. */
describe('analytics on embedded PGlite', () => {
  let tp: TouchpointHarness;
  let log: SeededLog;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ embedded: true, withWorker: false });
    log = await seedTouchpointLog(tp.db, { count: 2_500, withTrails: true, journeys: 2, batch: 500 });
  });
  afterAll(() => tp?.close());

  it('should export every row across several keyset batches', async () => {
    const res = await fetch(`${tp.url}/v1/touchpoints/export?format=csv`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(res.status).toBe(200);
    const records = parse(await res.text(), { columns: true }) as { id: string }[];
    expect(records.length).toBe(2_500);
    expect(new Set(records.map((r) => r.id)).size).toBe(2_500);
  });

  it('should page the log and answer stats, stages and the journey map', async () => {
    const page = await tp.request<{ items: unknown[]; nextCursor: string }>(
      'GET',
      '/v1/touchpoints?limit=100',
    );
    expect(page.body.items).toHaveLength(100);
    const next = await tp.request<{ items: unknown[] }>(
      'GET',
      `/v1/touchpoints?limit=100&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items).toHaveLength(100);

    const journeyId = log.journeyIds[0];
    const stats = await tp.request<{ touchpoints: { scheduled: number } }>(
      'GET',
      `/v1/journeys/${journeyId}/stats`,
    );
    expect(stats.status).toBe(200);
    expect(stats.body.touchpoints.scheduled).toBe(log.rows.filter((r) => r.journeyId === journeyId).length);

    const stages = await tp.request<{ stages: { touchpoints: number }[] }>(
      'GET',
      `/v1/analytics/stages?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`,
    );
    expect(stages.status).toBe(200);
    expect(stages.body.stages.reduce((n, s) => n + s.touchpoints, 0)).toBe(2_500);

    const customer = log.rows[0].customerId;
    await tp.request('PUT', `/v1/customers/${customer}`, { email: 'x@example.com' });
    const map = await tp.request<{ timeline: unknown[] }>('GET', `/v1/customers/${customer}/journey-map`);
    expect(map.status).toBe(200);
    expect(map.body.timeline.length).toBe(log.rows.filter((r) => r.customerId === customer).length);
  });
});
