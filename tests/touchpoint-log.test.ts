import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ADMIN_KEY, TouchpointHarness } from './support/touchpoint-harness';
import { seedTouchpointLog, type SeededLog, type SeededTouchpoint } from './support/touchpoint-seed';

const COUNT = 100_000;

interface Item {
  id: string;
  createdAt: string;
  customerId: string;
  to: string | null;
  comment: string | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

/** Newest first, ties broken by id: the order the log promises. */
const newestFirst = (a: SeededTouchpoint, b: SeededTouchpoint) =>
  a.createdAtText < b.createdAtText ? 1 : a.createdAtText > b.createdAtText ? -1 : a.id < b.id ? 1 : -1;

describe('the touchpoint log at 100,000 rows: filters, keyset pages, export, masking', () => {
  let tp: TouchpointHarness;
  let log: SeededLog;
  let analyst: string;
  let marketer: string;

  const query = (params: Record<string, string | number | undefined>) =>
    new URLSearchParams(
      Object.entries(params)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();

  /** Every row of an NDJSON export, parsed. */
  const exportNdjson = async (params: Record<string, string | number | undefined>, key?: string) => {
    const res = await fetch(`${tp.url}/v1/touchpoints/export?${query({ ...params, format: 'ndjson' })}`, {
      headers: { authorization: `Bearer ${key ?? ADMIN_KEY}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    return (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Item);
  };

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false });
    analyst = await tp.keyFor('analyst');
    marketer = await tp.keyFor('marketer');
    log = await seedTouchpointLog(tp.db, { count: COUNT, seed: 7 });
    await sql`analyze touchpoints`.execute(tp.db);
  });
  afterAll(() => tp?.close());

  describe('every filter against a hand count', () => {
    const cases = (): [string, Record<string, string>, (r: SeededTouchpoint) => boolean][] => {
      const j = log.journeyIds[0];
      const customer = log.rows[1234].customerId;
      const sorted = [...log.rows].sort(newestFirst);
      const from = sorted[Math.floor(COUNT * 0.6)].createdAtText;
      const to = sorted[Math.floor(COUNT * 0.5)].createdAtText;
      return [
        ['no filter', {}, () => true],
        ['journeyId', { journeyId: j }, (r) => r.journeyId === j],
        [
          'journeyId + journeyVersion',
          { journeyId: j, journeyVersion: '1' },
          (r) => r.journeyId === j && r.journeyVersion === 1,
        ],
        [
          'journeyId + stepId',
          { journeyId: j, stepId: 'email-1' },
          (r) => r.journeyId === j && r.stepId === 'email-1',
        ],
        ['customerId', { customerId: customer }, (r) => r.customerId === customer],
        ['channel', { channel: 'push' }, (r) => r.channel === 'push'],
        ['status (rare)', { status: 'unknown' }, (r) => r.status === 'unknown'],
        ['status', { status: 'failed' }, (r) => r.status === 'failed'],
        ['stage', { stage: 'retention' }, (r) => r.stage === 'retention'],
        ['from/to', { from, to }, (r) => r.createdAtText >= from && r.createdAtText < to],
        [
          'journeyId + channel + status + from',
          { journeyId: j, channel: 'sms', status: 'delivered', from },
          (r) =>
            r.journeyId === j && r.channel === 'sms' && r.status === 'delivered' && r.createdAtText >= from,
        ],
      ];
    };

    it('should export exactly the rows each filter selects, newest first', async () => {
      // The whole log goes out as CSV below; here, every narrower filter as NDJSON.
      for (const [name, params, matches] of cases().filter(([label]) => label !== 'no filter')) {
        const expected = log.rows
          .filter(matches)
          .sort(newestFirst)
          .map((r) => r.id);
        const got = (await exportNdjson(params)).map((i) => i.id);
        expect(got.length, name).toBe(expected.length);
        expect(got, name).toEqual(expected);
      }
    });

    it('should page each filter the same way, 500 at a time', async () => {
      for (const [name, params, matches] of cases()) {
        const expected = log.rows
          .filter(matches)
          .sort(newestFirst)
          .map((r) => r.id);
        const seen: string[] = [];
        let cursor: string | undefined;
        // The first three pages of the broad filters, every page of the narrow ones.
        for (let page = 0; page < (expected.length > 5_000 ? 3 : 1_000); page++) {
          const res = await tp.request<Page>(
            'GET',
            `/v1/touchpoints?${query({ ...params, limit: 500, cursor })}`,
          );
          expect(res.status, name).toBe(200);
          seen.push(...res.body.items.map((i) => i.id));
          if (!res.body.nextCursor) break;
          cursor = res.body.nextCursor;
        }
        expect(seen, name).toEqual(expected.slice(0, seen.length));
        if (expected.length <= 5_000) expect(seen.length, name).toBe(expected.length);
      }
    });

    it('should refuse a version or step without its journey', async () => {
      expect((await tp.request('GET', '/v1/touchpoints?stepId=sms-1')).status).toBe(400);
      expect((await tp.request('GET', '/v1/touchpoints/export?journeyVersion=1')).status).toBe(400);
      expect((await tp.request('GET', '/v1/touchpoints?cursor=bm9wZQ')).status).toBe(400);
    });
  });

  it('should page without gaps or repeats while rows are being added', async () => {
    const stage = 'advocacy';
    const before = new Set(log.rows.filter((r) => r.stage === stage).map((r) => r.id));
    const journeyId = log.journeyIds[5];
    const span = { newest: Date.now(), oldest: Date.now() - COUNT * 400 };
    let writing = true;
    let added = 0;
    // Rows land everywhere: ahead of the reader, behind it, and at the newest end.
    const writer = (async () => {
      while (writing) {
        const batch = Array.from({ length: 20 }, (_, i) => {
          const t = i % 4 === 0 ? Date.now() : span.oldest + Math.random() * (span.newest - span.oldest);
          return {
            id: randomUUID(),
            customer_id: `c-live-${added + i}`,
            journey_id: journeyId,
            journey_version: 2,
            step_id: 'sms-1',
            stage,
            channel: 'sms' as const,
            status: 'scheduled' as const,
            created_at: new Date(t),
            updated_at: new Date(t),
          };
        });
        await tp.db.insertInto('touchpoints').values(batch).execute();
        added += batch.length;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const seen: string[] = [];
    const times: number[] = [];
    let cursor: string | undefined;
    try {
      for (;;) {
        const res = await tp.request<Page>('GET', `/v1/touchpoints?${query({ stage, limit: 500, cursor })}`);
        expect(res.status).toBe(200);
        for (const item of res.body.items) {
          seen.push(item.id);
          times.push(Date.parse(item.createdAt));
        }
        if (!res.body.nextCursor) break;
        cursor = res.body.nextCursor;
      }
    } finally {
      writing = false;
      await writer;
    }
    expect(added).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    const seenSet = new Set(seen);
    const skipped = [...before].filter((id) => !seenSet.has(id));
    expect(skipped, 'rows there before paging began that no page showed').toEqual([]);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]);
  });

  describe('export', () => {
    const special = [
      'plain',
      'with, commas, everywhere',
      'with "double quotes" and a lone "',
      'two\nlines',
      'windows\r\nline end',
      'old mac\rline end',
      'سلام، «دنیا»؛ این یک متن فارسی است\nبا خط دوم و "نقل‌قول"',
      'emoji 🎉 and ZWNJ: می‌خواهم',
      '=SUM(A1:A2)',
      '',
    ];

    beforeAll(async () => {
      const at = new Date('2020-01-01T00:00:00Z');
      await tp.db
        .insertInto('touchpoints')
        .values(
          special.map((text, i) => ({
            id: randomUUID(),
            customer_id: 'c-special',
            channel: i % 2 === 0 ? ('sms' as const) : ('email' as const),
            status: 'failed' as const,
            to: i % 2 === 0 ? '+989121234567' : 'nasrin@example.com',
            comment: text || null,
            error_message: `provider said: ${text} (to +989121234567)`,
            created_at: new Date(at.getTime() + i * 1000),
            updated_at: at,
          })),
        )
        .execute();
    });

    it('should stream every row as CSV that a real parser reads back, with a header and the row count', async () => {
      const res = await fetch(`${tp.url}/v1/touchpoints/export?format=csv`, {
        headers: { authorization: `Bearer ${marketer}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="touchpoints-\d{8}T\d{6}Z\.csv"$/,
      );
      const records = parse(await res.text(), { columns: true, skip_empty_lines: false }) as Record<
        string,
        string
      >[];
      expect(records.length).toBe(await tp.count('touchpoints'));
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      expect(Object.keys(records[0])).toEqual(
        expect.arrayContaining(['id', 'createdAt', 'customerId', 'to', 'comment']),
      );
    });

    it('should round-trip commas, quotes, newlines and Persian text, with a BOM when asked', async () => {
      const res = await fetch(`${tp.url}/v1/touchpoints/export?format=csv&bom=true&customerId=c-special`, {
        headers: { authorization: `Bearer ${marketer}` },
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records = parse(bytes, { columns: true, bom: true }) as Record<string, string>[];
      // Newest first: the last inserted comes first.
      const expected = [...special].reverse();
      expect(records.map((r) => r.comment)).toEqual(expected);
      expect(records.map((r) => r.errorMessage)).toEqual(
        expected.map((t) => `provider said: ${t} (to +989121234567)`),
      );
      expect(new Set(records.map((r) => r.to))).toEqual(new Set(['+989121234567', 'nasrin@example.com']));
      const ndjson = await exportNdjson({ customerId: 'c-special' }, marketer);
      expect(ndjson.map((r) => r.comment ?? '')).toEqual(expected);
    });

    it('should mask contact details for the analyst in JSON and in CSV, and not for the marketer', async () => {
      const list = await tp.request<Page>('GET', '/v1/touchpoints?customerId=c-special&limit=2', undefined, {
        key: analyst,
      });
      expect(new Set(list.body.items.map((i) => i.to))).toEqual(
        new Set(['+98912•••4567', 'n•••@example.com']),
      );
      const csv = await fetch(`${tp.url}/v1/touchpoints/export?format=csv&customerId=c-special`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      const text = await csv.text();
      expect(text).not.toContain('+989121234567');
      expect(text).not.toContain('nasrin@');
      const records = parse(text, { columns: true }) as Record<string, string>[];
      expect(new Set(records.map((r) => r.to))).toEqual(new Set(['+98912•••4567', 'n•••@example.com']));
      expect(records[0].errorMessage).toMatch(/\(to \+98912•••4567\)$/);
      const seeded = await tp.request<Page>('GET', `/v1/touchpoints?channel=sms&limit=50`, undefined, {
        key: analyst,
      });
      for (const item of seeded.body.items) if (item.to) expect(item.to).toMatch(/^\+98912•••\d{4}$/);
      const marketerView = await tp.request<Page>(
        'GET',
        '/v1/touchpoints?customerId=c-special&limit=2',
        undefined,
        {
          key: marketer,
        },
      );
      expect(new Set(marketerView.body.items.map((i) => i.to))).toEqual(
        new Set(['+989121234567', 'nasrin@example.com']),
      );
    });
  });
});
