import type { Client } from 'pg';
import type { FakeTwilio } from '../tests/fakes/fake-twilio';
import { type BenchHttp, cartJourney, eventBodies, seedCustomers } from './bench-http';
import { latenessMs, pct, tally, waitForCohort } from './sms-tally';

const TICK_MS = 100;

export interface SteadyResult {
  ratePerS: number;
  offered: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  lost: number;
  duplicated: number;
}

/**
 * Events offered at a steady `ratePerS` for `seconds` (one POST every 100 ms), each entering the cart
 * journey's 5 s wait: lateness is the provider's arrival minus the step's due time. Unlike the burst, the
 * messages come due no faster than they can be sent, so this is the lateness a user sees day to day.
 */
export async function steadyLoad(o: {
  http: BenchHttp;
  db: Client;
  fake: FakeTwilio;
  ratePerS: number;
  seconds: number;
  stallMs: number;
  progress: (line: string) => void;
}): Promise<SteadyResult> {
  const total = Math.round(o.ratePerS * o.seconds);
  const journey = await o.http.createJourney(cartJourney('cart_abandoned_steady'));
  await seedCustomers((text, params) => o.db.query(text, params), 's', total);
  o.progress(`steady load: ${o.ratePerS} events/s for ${o.seconds} s (${total} customers)`);
  const bodies: { events: unknown[] }[] = [];
  const perTick = (o.ratePerS * TICK_MS) / 1_000;
  // One POST per tick, each holding the events of its 100 ms: tick k sends those numbered up to (k+1)·perTick.
  for (let k = 0, sent = 0; sent < total; k++) {
    const upTo = Math.min(total, Math.round((k + 1) * perTick));
    const [body] = eventBodies('s', 'cart_abandoned_steady', sent, upTo - sent) as { events: unknown[] }[];
    bodies.push(body ?? { events: [] });
    sent = upTo;
  }
  const start = performance.now();
  const posts: Promise<unknown>[] = [];
  for (let k = 0; k < bodies.length; k++) {
    // Paced against the start, not the last tick, so a slow answer does not slow the offered rate.
    const wait = start + k * TICK_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (bodies[k].events.length > 0) posts.push(o.http.post('/v1/events', bodies[k], 202));
    if (k % 20 === 0) o.progress(`  steady: ${k / 10} s offered, ${o.fake.messages.length} SMS at the fake`);
  }
  await Promise.all(posts);
  await waitForCohort(o.fake, 's', total, o.stallMs, o.progress);
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // late duplicates would land now
  const result = tally(o.fake, 's', total);
  const lateness = await latenessMs(o.db, journey.id, result);
  return {
    ratePerS: o.ratePerS,
    offered: total,
    p50: pct(lateness, 0.5),
    p95: pct(lateness, 0.95),
    p99: pct(lateness, 0.99),
    max: lateness.at(-1) ?? null,
    lost: result.lost,
    duplicated: result.duplicated,
  };
}
