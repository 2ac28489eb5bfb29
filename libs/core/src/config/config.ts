import { CHANNEL_NAMES, CHANNELS, type Channel } from '@touchpoint/journeys';
import { z } from 'zod';
import { readServiceAccountKey } from './service-account-key';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const url = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v), { message: `${name} must be a URL` });
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

type RateLimitEnv = (typeof CHANNELS)[Channel]['rateLimit']['env'];

/** `SMS_RATE_PER_SECOND` and the like: each channel's rate-limit variable, named in the channel registry. */
function rateLimitSettings() {
  return Object.fromEntries(
    CHANNEL_NAMES.map((channel) => {
      const { env, perSecond } = CHANNELS[channel].rateLimit;
      return [env, positiveInt(perSecond)];
    }),
  ) as Record<RateLimitEnv, ReturnType<typeof positiveInt>>;
}

/** A channel's messages per second, across all workers. */
export function ratePerSecond(config: Config, channel: Channel): number {
  return config[CHANNELS[channel].rateLimit.env];
}

/** Every setting Touchpoint reads from the environment, validated once at start. */
export const configSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /**
     * `npm run start:worker` only: serves `/health` and `/metrics` of the worker on this port. Unset: no
     * HTTP (several workers on one machine need a port each). 0: a free port, printed at start.
     */
    WORKER_HTTP_PORT: optional.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
    REDIS_URL: url('REDIS_URL').default('redis://127.0.0.1:6379'),
    /**
     * Redis Cluster seed nodes (`host:port,host:port,…`): set, BullMQ and every other Redis client connect to
     * the cluster through them, with REDIS_URL's user, password and `rediss:` (TLS); unset, to REDIS_URL alone.
     */
    REDIS_CLUSTER_NODES: optional.pipe(
      z
        .string()
        .optional()
        .transform((v) =>
          v
            ?.split(',')
            .map((n) => n.trim())
            .filter((n) => n !== ''),
        )
        .refine((nodes) => nodes === undefined || nodes.every((n) => /^[^\s:]+:\d{1,5}$/.test(n)), {
          message: 'REDIS_CLUSTER_NODES must be host:port pairs separated by commas',
        }),
    ),
    DATABASE_URL: optional.refine((v) => v === undefined || URL.canParse(v), {
      message: 'DATABASE_URL must be a postgres:// URL',
    }),
    DATA_DIR: z.string().default('./.data'),
    ADMIN_API_KEY: optional.refine((v) => v === undefined || v.length >= 16, {
      message: 'ADMIN_API_KEY must be at least 16 characters',
    }),
    PUBLIC_BASE_URL: optional.refine((v) => v === undefined || URL.canParse(v), {
      message: 'PUBLIC_BASE_URL must be a URL',
    }),
    TWILIO_ACCOUNT_SID: optional,
    TWILIO_AUTH_TOKEN: optional,
    TWILIO_FROM: optional,
    TWILIO_MESSAGING_SERVICE_SID: optional,
    /** The WhatsApp-enabled Twilio number, E.164; with the account's credentials WhatsApp goes live. */
    TWILIO_WHATSAPP_FROM: optional,
    TWILIO_API_BASE_URL: url('TWILIO_API_BASE_URL').default('https://api.twilio.com'),
    SENDGRID_API_KEY: optional,
    SENDGRID_FROM: optional,
    SENDGRID_API_BASE_URL: url('SENDGRID_API_BASE_URL').default('https://api.sendgrid.com'),
    SENDGRID_WEBHOOK_PUBLIC_KEY: optional,
    VAPID_PUBLIC_KEY: optional,
    VAPID_PRIVATE_KEY: optional,
    VAPID_SUBJECT: optional,
    /** PEM file of extra certificate authorities trusted for push services (a self-hosted one; tests). */
    WEB_PUSH_CA_FILE: optional,
    /**
     * FCM HTTP v1 for mobile apps: a service-account JSON key that access tokens are minted from (and
     * refreshed), or a static access token (dev: it lasts an hour); the key wins when both are set. The
     * Firebase project defaults to the key's project_id.
     */
    FCM_SERVICE_ACCOUNT_FILE: optional,
    FCM_PROJECT_ID: optional,
    FCM_ACCESS_TOKEN: optional,
    FCM_API_BASE_URL: url('FCM_API_BASE_URL').default('https://fcm.googleapis.com'),
    /** Signs the links put in messages (unsubscribe); unset: generated once and kept in the database. */
    LINK_SIGNING_SECRET: optional.refine((v) => v === undefined || v.length >= 32, {
      message: 'LINK_SIGNING_SECRET must be at least 32 characters',
    }),
    /** Messages per second handed to each provider, across all workers (a Twilio long code sends ~1/s). */
    ...rateLimitSettings(),
    /** Provider calls per message at most (transient failures retry with exponential backoff and jitter). */
    SEND_MAX_ATTEMPTS: positiveInt(6),
    /** The first retry's delay; each next one doubles, each taken at random between half and all of it. */
    SEND_BACKOFF_MS: positiveInt(1_000),
    /**
     * Consecutive transient failures of one provider (5xx, refused connections) that open its circuit: its
     * messages then wait, spending no attempt, while one probe tests it every CIRCUIT_PROBE_MS, doubling up to
     * CIRCUIT_MAX_PROBE_MS; the first answer closes it.
     */
    CIRCUIT_FAILURE_THRESHOLD: positiveInt(5),
    CIRCUIT_PROBE_MS: positiveInt(5_000),
    CIRCUIT_MAX_PROBE_MS: positiveInt(5 * 60_000),
    /** How long a send job stays claimed by a worker that stopped answering before another worker takes it. */
    SEND_LOCK_MS: positiveInt(30_000),
    /**
     * Signs every webhook step's request (`Touchpoint-Signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">`);
     * unset: webhook steps fail with `not_configured` rather than send unsigned.
     */
    WEBHOOK_SIGNING_SECRET: optional.refine((v) => v === undefined || v.length >= 32, {
      message: 'WEBHOOK_SIGNING_SECRET must be at least 32 characters',
    }),
    /** Lets webhook steps call loopback, private and link-local addresses (tests, a receiver on the same network). */
    WEBHOOK_ALLOW_PRIVATE: flag(false),
    /** Webhook calls per step at most: a network error, a timeout or a 5xx is retried, a 4xx is not. */
    WEBHOOK_MAX_ATTEMPTS: positiveInt(5),
    /** The first webhook retry's delay; each next one doubles. */
    WEBHOOK_BACKOFF_MS: positiveInt(2_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** BullMQ key prefix; the braces make it a Redis Cluster hash tag so each queue's keys share a slot. */
    QUEUE_PREFIX: z.string().min(1).default('{touchpoint}'),
    /**
     * Each queue once per shard, spread over a Redis Cluster: shard 0 keeps QUEUE_PREFIX, shard i > 0 puts
     * `-i` in its hash tag (`{touchpoint-1}`). A job's shard follows from its id; each provider's rate limit is
     * split evenly between the shards. 1 (the default) is one queue of each, as before.
     */
    QUEUE_SHARDS: z.coerce.number().int().min(1).max(64).default(1),
    /** Steps due within this many ms go to BullMQ as delayed jobs; later ones wait in PostgreSQL. */
    SCHEDULE_HORIZON_MS: positiveInt(10 * 60_000),
    /** How often the scheduler promotes steps into the horizon and the reconciler repairs lost jobs. */
    SCHEDULER_TICK_MS: positiveInt(5_000),
    /**
     * A touchpoint left `sending` this long (the process died mid-send) is settled with its provider (Twilio:
     * looked up), or becomes `unknown` where the provider cannot tell. Longer than SEND_TIMEOUT_MS.
     */
    SENDING_TIMEOUT_MS: positiveInt(5 * 60_000),
    /** How long one provider call may take before the worker gives up on its answer. */
    SEND_TIMEOUT_MS: positiveInt(15_000),
    /**
     * A send whose answer was lost after the request was written is looked up with the provider this much
     * later (time for the provider to finish what it was doing with it), never re-sent blindly.
     */
    SEND_SETTLE_DELAY_MS: positiveInt(30_000),
    /** Work overdue by this much without its job running is re-enqueued by the reconciler. */
    RECONCILE_GRACE_MS: positiveInt(10_000),
    /**
     * PostgreSQL connections per process. A worker holds one per step batch, events job and send in flight;
     * budget (api + workers) × this under the server's max_connections (or a pooler's).
     */
    DATABASE_POOL_SIZE: positiveInt(10),
    /** On SIGTERM a worker stops taking jobs and waits this long for the ones in hand, then exits anyway. */
    SHUTDOWN_GRACE_MS: positiveInt(10_000),
    /** Where the built console is served from (`dist/console` of the repository when unset). */
    CONSOLE_DIR: optional,
    /** A console session ends after this many minutes without a request. */
    SESSION_IDLE_MINUTES: positiveInt(60),
    /**
     * Express's `trust proxy`: which proxies' X-Forwarded-* headers to believe (`loopback`, `1`, a CIDR).
     * Behind a TLS-terminating proxy it makes the session cookie `Secure`. Unset: none trusted.
     */
    TRUST_PROXY: optional,
    LOAD_DEMO_JOURNEYS: flag(false),
    EVENTS_BATCH_MAX: positiveInt(1_000),
    BODY_LIMIT: z.string().default('1mb'),
    /** Requests per minute for each API key or console session, by route class, counted in Redis. */
    RATE_LIMIT_INGEST_PER_MINUTE: positiveInt(120_000),
    RATE_LIMIT_WRITES_PER_MINUTE: positiveInt(3_000),
    RATE_LIMIT_READS_PER_MINUTE: positiveInt(12_000),
    /** How long a client may take to send its headers, and its whole request, before the socket is closed. */
    HTTP_HEADERS_TIMEOUT_MS: positiveInt(10_000),
    HTTP_REQUEST_TIMEOUT_MS: positiveInt(30_000),
  })
  .superRefine((c, ctx) => {
    const twilio = [c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN];
    if (twilio.some(Boolean) && !twilio.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.TWILIO_ACCOUNT_SID ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_ACCOUNT_SID'],
        message: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together',
      });
    }
    if (c.TWILIO_ACCOUNT_SID && !c.TWILIO_FROM && !c.TWILIO_MESSAGING_SERVICE_SID) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_FROM'],
        message: 'set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID to send SMS through Twilio',
      });
    }
    if (c.SENDGRID_API_KEY && !c.SENDGRID_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['SENDGRID_FROM'],
        message: 'SENDGRID_FROM is required with SENDGRID_API_KEY',
      });
    }
    for (const issue of fcmIssues(c)) ctx.addIssue({ code: 'custom', ...issue });
    if (c.SENDING_TIMEOUT_MS <= c.SEND_TIMEOUT_MS) {
      // Else a send still waiting for its answer could be settled, and re-sent, under the worker's feet.
      ctx.addIssue({
        code: 'custom',
        path: ['SENDING_TIMEOUT_MS'],
        message: 'SENDING_TIMEOUT_MS must be longer than SEND_TIMEOUT_MS',
      });
    }
    const vapid = [c.VAPID_PUBLIC_KEY, c.VAPID_PRIVATE_KEY, c.VAPID_SUBJECT];
    if (vapid.some(Boolean) && !vapid.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['VAPID_SUBJECT'],
        message: 'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT go together',
      });
    }
  });

interface FcmSettings {
  FCM_SERVICE_ACCOUNT_FILE?: string;
  FCM_PROJECT_ID?: string;
  FCM_ACCESS_TOKEN?: string;
}

/** A key file that can be read and names a project (or FCM_PROJECT_ID), or a project with a static token. */
function fcmIssues(c: FcmSettings): { path: string[]; message: string }[] {
  if (c.FCM_SERVICE_ACCOUNT_FILE) {
    let projectId: string | undefined;
    try {
      projectId = readServiceAccountKey(c.FCM_SERVICE_ACCOUNT_FILE).projectId;
    } catch (error) {
      return [{ path: ['FCM_SERVICE_ACCOUNT_FILE'], message: (error as Error).message }];
    }
    if (!c.FCM_PROJECT_ID && !projectId) {
      const message = 'the key has no project_id: set FCM_PROJECT_ID';
      return [{ path: ['FCM_SERVICE_ACCOUNT_FILE'], message }];
    }
    return [];
  }
  if (Boolean(c.FCM_PROJECT_ID) === Boolean(c.FCM_ACCESS_TOKEN)) return [];
  return c.FCM_PROJECT_ID
    ? [
        {
          path: ['FCM_SERVICE_ACCOUNT_FILE'],
          message: 'FCM_PROJECT_ID needs FCM_SERVICE_ACCOUNT_FILE (or, in development, FCM_ACCESS_TOKEN)',
        },
      ]
    : [{ path: ['FCM_PROJECT_ID'], message: 'FCM_ACCESS_TOKEN needs FCM_PROJECT_ID' }];
}

export type Config = z.output<typeof configSchema> & { PUBLIC_BASE_URL: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment once; throws one line per bad variable, naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return { ...c, PUBLIC_BASE_URL: c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}` };
}

/** Nest injection token for the validated Config. */
export const CONFIG = Symbol('CONFIG');
