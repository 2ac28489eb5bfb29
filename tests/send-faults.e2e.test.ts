import { getQueueToken, type WorkerHost } from '@nestjs/bullmq';
import { ChannelRouter, type OutboundMessage } from '@touchpoint/channels';
import { jobId, ProviderCircuits, QUEUE } from '@touchpoint/core';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendProcessorToken, StepsJobProcessor } from '@touchpoint/worker';
import { FakeTwilio, twilioError } from './fakes/fake-twilio';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface TouchpointItem {
  id: string;
  status: string;
  error: string | null;
  errorMessage: string | null;
  providerMessageId: string | null;
  events: { status: string; at: string }[];
}

const TWILIO = { accountSid: `AC${'d4'.repeat(16)}`, authToken: 'faults-twilio-auth-token' };
const journey = {
  name: 'Ping SMS',
  stage: 'retention',
  trigger: { event: 'ping' },
  steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Pong {{ customer.id }}' } }],
};

describe('sending when the provider fails, limits or the worker dies', () => {
  let fake: FakeTwilio;
  let tp: TouchpointHarness;
  let seq = 0;
  const phone = () => `+1628555${String(1000 + seq++).padStart(4, '0')}`;
  const twilioEnv = (fakeUrl: string) => ({
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: fakeUrl,
  });

  const requestsTo = (to: string) => fake.requests.filter((r) => r.form.To === to);
  const messagesTo = (to: string) => fake.messages.filter((m) => m.to === to);
  const smsTouchpoint = async (h: TouchpointHarness, customerId: string) =>
    (await h.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
      .items[0];
  const untilStatus = (h: TouchpointHarness, customerId: string, status: string) =>
    waitFor(`the SMS touchpoint of ${customerId} to be ${status}`, async () => {
      const t = await smsTouchpoint(h, customerId);
      return t?.status === status && t;
    });
  const ping = async (h: TouchpointHarness, customerId: string) => {
    const to = phone();
    expect(
      (await h.request('PUT', `/v1/customers/${customerId}`, { phone: to, consent: { sms: true } })).status,
    ).toBe(200);
    expect((await h.request('POST', '/v1/events', { customerId, name: 'ping' })).status).toBe(202);
    return to;
  };
  const smsQueue = (h: TouchpointHarness) => h.app.get<Queue>(getQueueToken(QUEUE.send.sms));
  /** The send job is gone once it completed (`removeOnComplete`); a failed one would stay `failed`. */
  const untilJobDone = (h: TouchpointHarness, touchpointId: string) =>
    waitFor(`the send job of ${touchpointId} to complete`, async () =>
      (await smsQueue(h).getJobState(jobId.send(touchpointId))) === 'unknown' ? true : undefined,
    );

  beforeAll(async () => {
    fake = await FakeTwilio.start(TWILIO);
    tp = await TouchpointHarness.start({
      env: {
        ...twilioEnv(fake.url),
        SMS_RATE_PER_SECOND: '5',
        SEND_MAX_ATTEMPTS: '4',
        SEND_BACKOFF_MS: '200',
        SEND_TIMEOUT_MS: '1000',
        SEND_SETTLE_DELAY_MS: '300',
      },
    });
    expect((await tp.request('POST', '/v1/journeys', journey)).status).toBe(201);
  });
  afterAll(async () => {
    await tp?.close();
    await fake?.close();
  });

  it('should send exactly once when Twilio answers 503 three times and then 201, backing off in between', async () => {
    fake.failNext(3, 503);
    const to = await ping(tp, 'c-flaky');

    const sent = await untilStatus(tp, 'c-flaky', 'sent');
    expect(messagesTo(to)).toHaveLength(1);
    expect(sent.providerMessageId).toBe(messagesTo(to)[0].sid);
    const requests = requestsTo(to);
    expect(requests).toHaveLength(4);
    // Exponential backoff from 200 ms with jitter: each wait is between half and all of 200, 400, 800 ms.
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i].at);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(100 * 2 ** i - 10));
    expect(sent.events.map((e) => e.status)).toEqual([
      'scheduled',
      'sending',
      'scheduled',
      'sending',
      'scheduled',
      'sending',
      'scheduled',
      'sending',
      'sent',
    ]);
  });

  it('should stop retrying after SEND_MAX_ATTEMPTS and record the provider’s error', async () => {
    fake.failNext(4, 503);
    const to = await ping(tp, 'c-down');

    const failed = await untilStatus(tp, 'c-down', 'failed');
    expect(failed).toMatchObject({ error: '20500', errorMessage: 'Fault' });
    await untilJobDone(tp, failed.id);
    expect(requestsTo(to)).toHaveLength(4);
    expect(messagesTo(to)).toHaveLength(0);
  });

  it('should fail a permanent error (21211, invalid number) at once, without a retry', async () => {
    fake.failNext(1, 400, twilioError(400, 21211, "The 'To' number is not a valid phone number."));
    const to = await ping(tp, 'c-invalid');

    const failed = await untilStatus(tp, 'c-invalid', 'failed');
    expect(failed).toMatchObject({
      error: '21211',
      errorMessage: "The 'To' number is not a valid phone number.",
    });
    await untilJobDone(tp, failed.id);
    expect(requestsTo(to)).toHaveLength(1);
  });

  it('should fail 21610 (the number replied STOP to Twilio) and revoke the customer’s SMS consent', async () => {
    const to = phone();
    fake.unsubscribe(to);
    await tp.request('PUT', '/v1/customers/c-opted-out', { phone: to, consent: { sms: true } });
    await tp.request('POST', '/v1/events', { customerId: 'c-opted-out', name: 'ping' });

    expect(await untilStatus(tp, 'c-opted-out', 'failed')).toMatchObject({ error: '21610' });
    const customer = await tp.request<{ consent: Record<string, boolean> }>(
      'GET',
      '/v1/customers/c-opted-out',
    );
    expect(customer.body.consent.sms).toBe(false);
    expect(requestsTo(to)).toHaveLength(1);
  });

  it('should pause the whole SMS queue for the Retry-After of a 429, not just the job that got it', async () => {
    fake.failNext(1, 429, twilioError(429, 20429, 'Too Many Requests'), { 'Retry-After': '3' });
    const first = await ping(tp, 'c-limited-1');
    const [limited] = await waitFor('the 429', async () => requestsTo(first).length > 0 && requestsTo(first));
    // A second message becomes ready while the queue is paused.
    const second = await ping(tp, 'c-limited-2');

    await untilStatus(tp, 'c-limited-1', 'sent');
    const other = await untilStatus(tp, 'c-limited-2', 'sent');
    const ready = await tp.db
      .selectFrom('touchpoints')
      .select('queued_at')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(ready.queued_at!.getTime()).toBeLessThan(limited.at + 2_500);
    const [, retried] = requestsTo(first);
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(2_990);
    expect(requestsTo(second)).toHaveLength(1);
    expect(requestsTo(second)[0].at - limited.at).toBeGreaterThanOrEqual(2_990);
  });

  it('should hand Twilio no more than SMS_RATE_PER_SECOND messages a second', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `c-burst-${i}`);
    const phones: string[] = [];
    for (const id of ids) {
      phones.push(phone());
      await tp.request('PUT', `/v1/customers/${id}`, { phone: phones.at(-1), consent: { sms: true } });
    }
    // BullMQ's limiter counts in fixed windows from a window's first job: start the burst in a fresh one.
    await waitFor(
      'the last rate-limit window to close',
      async () => (await smsQueue(tp).getRateLimitTtl()) < 0,
    );
    await tp.request('POST', '/v1/events', {
      events: ids.map((customerId) => ({ customerId, name: 'ping' })),
    });

    await waitFor('all 8 messages', async () => phones.every((p) => messagesTo(p).length === 1));
    const times = phones.map((p) => requestsTo(p)[0].at).sort((a, b) => a - b);
    // Five in the first second at most; the sixth waits for the next window, which opens a second after the
    // first job started (a little before its request reached the fake: hence not quite 1000 ms).
    expect(times[5] - times[0]).toBeGreaterThanOrEqual(700);
  });

  it('should count the SMS its steps send at once and those its send queue sends against one rate', async () => {
    const wave = (name: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `c-${name}-${i}`, phone: phone() }));
    // Three fit the second's five: their steps' job sends them. Four more do not: the send queue takes them.
    const waves = [wave('first-wave', 3), wave('second-wave', 4)];
    for (const { id, phone: to } of waves.flat()) {
      await tp.request('PUT', `/v1/customers/${id}`, { phone: to, consent: { sms: true } });
    }
    await waitFor(
      'the last rate-limit window to close',
      async () => (await smsQueue(tp).getRateLimitTtl()) < 0,
    );
    for (const customers of waves) {
      await tp.request('POST', '/v1/events', {
        events: customers.map(({ id }) => ({ customerId: id, name: 'ping' })),
      });
      if (customers === waves[0]) {
        await waitFor('the first wave', async () => customers.every((c) => messagesTo(c.phone).length === 1));
      }
    }

    const phones = waves.flat().map((c) => c.phone);
    await waitFor('all 7 messages', async () => phones.every((p) => messagesTo(p).length === 1));
    const times = phones.map((p) => requestsTo(p)[0].at).sort((a, b) => a - b);
    expect(times[5] - times[0]).toBeGreaterThanOrEqual(700);
  });

  describe('a provider answer lost after the request was written', () => {
    const settledTrail = ['scheduled', 'sending', 'sent'];

    it.each([
      { what: 'Twilio took the message, then the connection reset', mishap: 'take-then-reset' as const },
      {
        what: 'Twilio took the message and answered after the read timeout',
        mishap: { answerAfterMs: 2_500 },
      },
    ])('should settle it as sent with Twilio’s SID, never sending twice, when $what', async ({ mishap }) => {
      fake.mishapNext(1, mishap);
      const customerId = `c-lost-${seq}`;
      const to = await ping(tp, customerId);

      const sent = await untilStatus(tp, customerId, 'sent');

      expect(messagesTo(to)).toHaveLength(1);
      expect(sent.providerMessageId).toBe(messagesTo(to)[0].sid);
      expect(sent.events.map((e) => e.status)).toEqual(settledTrail);
      expect(requestsTo(to)).toHaveLength(1);
      expect(fake.lookups.filter((r) => r.path.includes(encodeURIComponent(to)))).toHaveLength(1);
      await tp.reconciler().tick();
      expect(messagesTo(to)).toHaveLength(1);
    });

    it.each([
      {
        what: 'the connection reset before Twilio took it',
        fault: () => fake.mishapNext(1, 'reset-untaken'),
      },
      { what: 'Twilio answered 500 without storing it', fault: () => fake.failNext(1, 500) },
    ])('should send it exactly once more when the lookup proves $what', async ({ fault }) => {
      fault();
      const customerId = `c-untaken-${seq}`;
      const to = await ping(tp, customerId);

      const sent = await untilStatus(tp, customerId, 'sent');

      expect(requestsTo(to)).toHaveLength(2);
      expect(messagesTo(to)).toHaveLength(1);
      expect(sent.providerMessageId).toBe(messagesTo(to)[0].sid);
      expect(sent.events.map((e) => e.status)).toEqual([
        'scheduled',
        'sending',
        'scheduled',
        'sending',
        'sent',
      ]);
    });

    it('should ask Twilio again later when the lookup itself fails, and send nothing meanwhile', async () => {
      fake.mishapNext(1, 'take-then-reset');
      fake.failLookupsNext(2, 500);
      const customerId = `c-lookup-down-${seq}`;
      const to = await ping(tp, customerId);

      const sent = await untilStatus(tp, customerId, 'sent');

      expect(fake.lookups.filter((r) => r.path.includes(encodeURIComponent(to)))).toHaveLength(3);
      expect(requestsTo(to)).toHaveLength(1);
      expect(sent.providerMessageId).toBe(messagesTo(to)[0].sid);
    });
  });

  it('should look a touchpoint left sending past SENDING_TIMEOUT_MS up at Twilio, settle it sent, count it, and never re-send it', async () => {
    const to = await ping(tp, 'c-stuck');
    const sent = await untilStatus(tp, 'c-stuck', 'sent');
    // As if the process died after the provider accepted and before `sent` was written, ten minutes ago.
    await tp.db
      .updateTable('touchpoints')
      .set({ status: 'sending', provider_message_id: null, updated_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', sent.id)
      .execute();

    // This tick, or the scheduler's own (every 250 ms), finds it.
    await tp.reconciler().tick();
    const settled = await untilStatus(tp, 'c-stuck', 'sent');
    expect(settled.providerMessageId).toBe(messagesTo(to)[0].sid);
    const metrics = await fetch(`${tp.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /^touchpoint_settled_sends_total\{channel="sms",provider="twilio",outcome="sent"\} [1-9]/m,
    );
    expect(metrics).toMatch(/^touchpoint_unknown_sends 0$/m);
    await tp.reconciler().tick();
    expect(messagesTo(to)).toHaveLength(1);
  });

  describe('a worker killed between claiming a touchpoint and recording its send', () => {
    const deaths = [
      { when: 'after Twilio accepted the message', reached: true, trail: ['scheduled', 'sending', 'sent'] },
      {
        when: 'before it called Twilio',
        reached: false,
        trail: ['scheduled', 'sending', 'scheduled', 'sending', 'sent'],
      },
    ];
    // A message is sent by the job that decided its step; by a send job when its provider's way was not
    // clear (here: one failure counted on its circuit), and on every retry.
    const jobs = [
      { job: 'its step job', viaSendJob: false },
      { job: 'a send job', viaSendJob: true },
    ];
    it.each(deaths.flatMap((death) => jobs.map((job) => ({ ...death, ...job }))))(
      'should settle it through a lookup and send exactly once when it dies $when, in $job',
      async ({ reached, trail, viaSendJob }) => {
        const env = {
          ...twilioEnv(fake.url),
          SEND_LOCK_MS: '2000',
          SENDING_TIMEOUT_MS: '3000',
          SEND_TIMEOUT_MS: '1000',
        };
        const doomed = await TouchpointHarness.start({ env });
        let survivor: TouchpointHarness | undefined;
        try {
          expect((await doomed.request('POST', '/v1/journeys', journey)).status).toBe(201);
          if (viaSendJob) await doomed.app.get(ProviderCircuits).failed('twilio', false);
          const adapter = doomed.app.get(ChannelRouter).for('sms');
          const send = adapter.send.bind(adapter);
          let called = false;
          vi.spyOn(adapter, 'send').mockImplementation(async (message: OutboundMessage) => {
            called = true;
            if (reached) await send(message);
            // The process is gone: the call never returns, `sent` is never written, the job never finishes.
            return new Promise<never>(() => undefined);
          });
          const to = await ping(doomed, 'c-killed');
          const sending = await untilStatus(doomed, 'c-killed', 'sending');
          await waitFor('the doomed worker to be inside the provider call', async () => called);
          expect(messagesTo(to)).toHaveLength(reached ? 1 : 0);
          expect(await smsQueue(doomed).getJobState(jobId.send(sending.id))).toBe(
            viaSendJob ? 'active' : 'unknown',
          );

          // Kill its workers: they stop renewing their jobs' locks and will never complete them.
          await doomed.app.get(StepsJobProcessor).worker.close(true);
          await doomed.app.get<WorkerHost>(sendProcessorToken('sms')).worker.close(true);
          // Another worker on the same PostgreSQL and Redis takes the stalled job over and runs it again.
          survivor = await TouchpointHarness.start({
            env: {
              ...env,
              DATABASE_URL: doomed.config.DATABASE_URL!,
              QUEUE_PREFIX: doomed.config.QUEUE_PREFIX,
            },
          });
          const sent = await untilStatus(survivor, 'c-killed', 'sent');
          await untilJobDone(survivor, sending.id);

          expect(requestsTo(to)).toHaveLength(1);
          expect(messagesTo(to)).toHaveLength(1);
          expect(sent.providerMessageId).toBe(messagesTo(to)[0].sid);
          expect(sent.events.map((e) => e.status)).toEqual(trail);
          await survivor.reconciler().tick();
          expect(requestsTo(to)).toHaveLength(1);
        } finally {
          await survivor?.close();
          await doomed.close();
        }
      },
    );
  });
});
