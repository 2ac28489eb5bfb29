import { execFileSync } from 'node:child_process';
import { type ECDH, createECDH, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ece from 'http_ece';
import {
  FaultQueue,
  type Mishap,
  type RecordedRequest,
  answerTaken,
  close,
  faultBeforeTaking,
  listen,
  readBody,
  reply,
} from './fake-http';

/** A self-signed certificate for 127.0.0.1 and localhost, made with the openssl CLI (node:crypto cannot issue X.509). */
export function createSelfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-push-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'pipe' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The browser's half of a push subscription: the ECDH key pair and auth secret it would keep. */
export interface SubscriptionKeys {
  ecdh: ECDH;
  /** URL-safe base64 of the uncompressed P-256 public key, as `PushSubscription.keys.p256dh`. */
  p256dh: string;
  /** URL-safe base64 of 16 random bytes, as `PushSubscription.keys.auth`. */
  auth: string;
}

export function createSubscriptionKeys(): SubscriptionKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    ecdh,
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

/** Decrypts an aes128gcm push body (RFC 8291) as the browser would, with the subscription's private key. */
export function decryptPushPayload(body: Buffer, keys: SubscriptionKeys): string {
  return ece
    .decrypt(body, { version: 'aes128gcm', privateKey: keys.ecdh, authSecret: keys.auth })
    .toString('utf8');
}

/** The VAPID credentials (RFC 8292) a request carried, after the fake checked them. */
export interface VapidCredentials {
  token: string;
  /** The application server's public key, URL-safe base64. */
  publicKey: string;
  header: Record<string, unknown>;
  claims: { aud?: string; exp?: number; sub?: string };
}

export interface FakePushRequest extends RecordedRequest {
  /** The subscription id: the last segment of `/push/{id}`. */
  subscriptionId: string;
  vapid?: VapidCredentials;
}

export interface FakePushServiceOptions {
  /** When set, a request signed with another VAPID key gets 403, as push services answer a key mismatch. */
  vapidPublicKey?: string;
}

/**
 * A local push service (RFC 8030) over TLS with a self-signed certificate. It checks what a push service
 * checks (a VAPID JWT signed by the key in `k=` for this origin, not expired; `TTL`; `Content-Encoding:
 * aes128gcm`) and answers as one: `201` with `Location`, `410` for a gone subscription, programmed faults.
 * Clients trust it through `ca` (an `https.Agent({ ca })`), not through process-wide settings.
 */
export class FakePushService {
  readonly requests: FakePushRequest[] = [];
  /** Messages the service took (answered 201, or would have but for a mishap). */
  readonly accepted: FakePushRequest[] = [];
  private readonly faults = new FaultQueue();
  private readonly gone = new Set<string>();
  private readonly tls = createSelfSignedCertificate();
  private readonly server = createServer(
    { key: this.tls.key, cert: this.tls.cert },
    (req, res) => void this.handle(req, res),
  );
  private port = 0;

  private constructor(private readonly options: FakePushServiceOptions) {}

  static async start(options: FakePushServiceOptions = {}): Promise<FakePushService> {
    const fake = new FakePushService(options);
    fake.port = await listen(fake.server);
    return fake;
  }

  /** The certificate to trust (PEM). */
  get ca(): string {
    return this.tls.cert;
  }

  get origin(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** A subscription endpoint on this service, as a browser's `PushSubscription.endpoint`. */
  endpoint(subscriptionId: string = randomUUID()): string {
    return `${this.origin}/push/${subscriptionId}`;
  }

  /** The user revoked permission or the subscription expired: the service answers 410 from now on. */
  expire(subscriptionId: string): void {
    this.gone.add(subscriptionId);
  }

  /** The next `n` requests answer `status` with `body`. */
  failNext(n: number, status: number, body?: unknown, headers?: Record<string, string>): void {
    this.faults.push(n, { status, body: body ?? `fault ${status}`, headers });
  }

  /** The next `n` messages meet `mishap`: taken then the connection reset, reset untaken, or answered late. */
  mishapNext(n: number, mishap: Mishap): void {
    this.faults.push(n, { mishap });
  }

  reset(): void {
    this.requests.length = 0;
    this.accepted.length = 0;
    this.faults.clear();
    this.gone.clear();
  }

  async close(): Promise<void> {
    await close(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = req.url ?? '/';
    const match = /^\/push\/([^/?]+)$/.exec(path);
    const request: FakePushRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      subscriptionId: match?.[1] ?? '',
      at: Date.now(),
    };
    this.requests.push(request);

    if (req.method !== 'POST' || !match) return reply(res, 404, 'no such subscription');
    const vapid = this.checkVapid(req.headers.authorization);
    if (typeof vapid === 'string') return reply(res, 401, vapid);
    request.vapid = vapid;
    if (this.options.vapidPublicKey && vapid.publicKey !== this.options.vapidPublicKey) {
      return reply(res, 403, 'VAPID key does not match the one the subscription was created with');
    }
    const fault = this.faults.take();
    if (faultBeforeTaking(res, fault)) return;
    if (this.gone.has(request.subscriptionId)) {
      return reply(res, 410, 'push subscription has unsubscribed or expired.');
    }
    if (req.headers.ttl === undefined || !/^\d+$/.test(String(req.headers.ttl))) {
      return reply(res, 400, 'missing TTL header');
    }
    if (body.length > 0 && req.headers['content-encoding'] !== 'aes128gcm') {
      return reply(res, 415, 'unsupported Content-Encoding, expected aes128gcm');
    }
    if (body.length > 4096) return reply(res, 413, 'payload too large');
    this.accepted.push(request);
    return answerTaken(res, fault, () =>
      reply(res, 201, undefined, { Location: `${this.origin}/m/${randomUUID()}` }),
    );
  }

  private checkVapid(authorization: string | undefined): VapidCredentials | string {
    const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!match) return 'missing or malformed VAPID Authorization header';
    const [, token, publicKey] = match;
    const [headerPart, claimsPart, signaturePart] = token.split('.');
    if (!headerPart || !claimsPart || !signaturePart) return 'malformed VAPID JWT';
    const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const claims = JSON.parse(
      Buffer.from(claimsPart, 'base64url').toString('utf8'),
    ) as VapidCredentials['claims'];
    if (header.alg !== 'ES256') return 'VAPID JWT must be ES256';
    const point = Buffer.from(publicKey, 'base64url');
    if (point.length !== 65 || point[0] !== 4) return 'VAPID k= is not an uncompressed P-256 point';
    const key = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
    const signed = Buffer.from(`${headerPart}.${claimsPart}`);
    const signature = Buffer.from(signaturePart, 'base64url');
    if (!verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature)) {
      return 'VAPID JWT signature is invalid';
    }
    const now = Math.floor(Date.now() / 1000);
    if (claims.aud !== this.origin) return `VAPID aud ${claims.aud} is not ${this.origin}`;
    if (!claims.exp || claims.exp <= now || claims.exp > now + 24 * 60 * 60) {
      return 'VAPID exp is missing, past or over 24h';
    }
    if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) {
      return 'VAPID sub must be a mailto: or https: URL';
    }
    return { token, publicKey, header, claims };
  }
}
