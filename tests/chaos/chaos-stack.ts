import { FakeTwilio } from '../fakes/fake-twilio';
import { ServiceProcess } from '../support/process-stack';
import { TouchpointHarness } from '../support/touchpoint-harness';
import { inject } from 'vitest';

export const TWILIO = { accountSid: `AC${'c4a05'.repeat(6)}00`, authToken: 'chaos-auth-token-0123456789' };

/**
 * The API in-process (the harness, without a worker) and the workers as real child processes, all on one
 * PostgreSQL database, one Redis logical database and one queue prefix, sending SMS through the real
 * Twilio SDK to a fake Twilio in the test process.
 */
export class ChaosStack {
  readonly workers = new Map<string, ServiceProcess>();

  private constructor(
    readonly tp: TouchpointHarness,
    readonly fake: FakeTwilio,
    private readonly workerEnv: Record<string, string>,
  ) {}

  static async start(options: { redisDb: number; env?: Record<string, string> }): Promise<ChaosStack> {
    const fake = await FakeTwilio.start(TWILIO);
    const env = {
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      TWILIO_FROM: '+14155550000',
      TWILIO_API_BASE_URL: fake.url,
      ...options.env,
    };
    const tp = await TouchpointHarness.start({ withWorker: false, redisDb: options.redisDb, env });
    const c = tp.config;
    const workerEnv = {
      DATABASE_URL: c.DATABASE_URL ?? '',
      REDIS_URL: c.REDIS_URL,
      QUEUE_PREFIX: c.QUEUE_PREFIX,
      PUBLIC_BASE_URL: tp.url,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      SCHEDULER_TICK_MS: '250',
      RECONCILE_GRACE_MS: '2000',
      ...env,
    };
    return new ChaosStack(tp, fake, workerEnv);
  }

  /** Starts (or restarts) a worker process and waits until it takes jobs. */
  async startWorker(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
    const worker = ServiceProcess.spawn('worker', name, {
      buildDir: inject('chaosBuildDir'),
      env: { ...this.workerEnv, ...env },
    });
    this.workers.set(name, worker);
    await worker.waitForLine('Touchpoint worker running');
    return worker;
  }

  /** Customers `chaos-<from>` … with a phone and an SMS opt-in, written in one insert. */
  async seedCustomers(count: number, from = 0): Promise<string[]> {
    const now = new Date();
    const rows = Array.from({ length: count }, (_, k) => ({
      id: `chaos-${from + k}`,
      phone: phoneOf(from + k),
      consent: JSON.stringify({ sms: true }),
      created_at: now,
      updated_at: now,
    }));
    await this.tp.db.insertInto('customers').values(rows).execute();
    return rows.map((r) => r.id);
  }

  /** Messages the fake accepted, per customer id. */
  smsPerCustomer(count: number): Map<string, number> {
    const byPhone = new Map<string, number>();
    for (const m of this.fake.messages) byPhone.set(m.to, (byPhone.get(m.to) ?? 0) + 1);
    return new Map(Array.from({ length: count }, (_, i) => [`chaos-${i}`, byPhone.get(phoneOf(i)) ?? 0]));
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop(5_000)));
    await this.tp.close();
    await this.fake.close();
  }
}

export const phoneOf = (i: number) => `+1415555${String(i).padStart(4, '0')}`;
