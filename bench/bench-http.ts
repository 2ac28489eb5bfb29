import { customerId, phoneOf, type Cohort } from './sms-tally';

export const BATCH = 1_000;
/** The cart journey's wait: sends per second are timed from the first POST less this. */
export const CART_WAIT_MS = 5_000;

/** `cart_abandoned → wait PT5S → SMS`, the journey every send phase measures. */
export const cartJourney = (trigger = 'cart_abandoned', wait = `PT${CART_WAIT_MS / 1_000}S`) => ({
  name: `Bench ${trigger} SMS`,
  stage: 'decision',
  trigger: { event: trigger },
  exitOn: ['order_completed'],
  steps: [
    { id: 'wait', type: 'wait', duration: wait },
    {
      id: 'sms',
      type: 'send',
      channel: 'sms',
      template: {
        body: "{{ customer.attributes.firstName | default: 'Hi' }}, your cart is waiting: 10% off with CART10 {{ event.properties.cartUrl }}",
      },
    },
  ],
});

export class BenchHttp {
  constructor(
    private readonly base: string,
    private readonly key: string,
  ) {}

  async post<T>(path: string, body: unknown, expect: number): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== expect) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }

  createJourney(body: unknown): Promise<{ id: string }> {
    return this.post('/v1/journeys', body, 201);
  }
}

/** The events of customers [from, from + count) of a cohort, as POST bodies of up to 1,000. */
export function eventBodies(cohort: Cohort, name: string, from: number, count: number): unknown[] {
  const bodies: unknown[] = [];
  for (let i = from; i < from + count; i += BATCH) {
    bodies.push({
      events: Array.from({ length: Math.min(BATCH, from + count - i) }, (_, k) => ({
        id: `${name}-${cohort}-${i + k}`,
        customerId: customerId(cohort, i + k),
        name,
        properties: { cartValue: 129.5, cartUrl: `https://shop.example/cart/${i + k}` },
      })),
    });
  }
  return bodies;
}

/** POSTs `count` events in batches of 1,000, `inFlight` requests at a time; timed to the last `202`. */
export async function postEvents(
  http: BenchHttp,
  cohort: Cohort,
  name: string,
  count: number,
  inFlight: number,
): Promise<{ perS: number; accepted: number; startedAt: number }> {
  const bodies = eventBodies(cohort, name, 0, count);
  let next = 0;
  let accepted = 0;
  const startedAt = Date.now();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const answer = await http.post<{ accepted: number }>('/v1/events', body, 202);
        accepted += answer.accepted;
      }
    }),
  );
  return { perS: count / ((performance.now() - t0) / 1_000), accepted, startedAt };
}

/**
 * Customers with an SMS opt-in, written with multi-row inserts (a bulk seed; the events go through HTTP).
 * `run` is a pg client's or a Kysely handle's raw query, so PGlite is seeded the same way.
 */
export async function seedCustomers(
  run: (text: string, params: unknown[]) => Promise<unknown>,
  cohort: Cohort,
  count: number,
): Promise<void> {
  const chunk = 5_000;
  for (let i = 0; i < count; i += chunk) {
    const n = Math.min(chunk, count - i);
    await run(
      `insert into customers (id, phone, locale, timezone, attributes, consent, created_at, updated_at)
       select id, phone, 'en', 'UTC', '{"firstName":"Ann"}', '{"sms":true}', now(), now()
         from unnest($1::text[], $2::text[]) as t(id, phone)`,
      [
        Array.from({ length: n }, (_, k) => customerId(cohort, i + k)),
        Array.from({ length: n }, (_, k) => phoneOf(cohort, i + k)),
      ],
    );
  }
}

/** How long a process may take to start: minutes, not seconds, on a machine shared with busy builds. */
export const START_TIMEOUT_MS = 180_000;
