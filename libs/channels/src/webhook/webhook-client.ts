import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './public-address';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

/** How much of a response is read; a longer one is cut and its JSON not parsed. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookRequest {
  url: string;
  /** The JSON body, exactly as sent and signed. */
  body: string;
  headers?: Record<string, string>;
  /** Sent as `Idempotency-Key`: the same on every attempt, so the receiver can drop a repeat. */
  idempotencyKey: string;
  secret: string;
  timeoutMs: number;
  /** Loopback, private and link-local addresses allowed (WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  at: Date;
}

export type WebhookResponse =
  | { kind: 'response'; status: number; body: unknown }
  | { kind: 'error'; error: 'timeout' | 'network' | 'blocked_address'; message: string };

/** A response of this kind is worth another attempt: a network error, a timeout, a 5xx. */
export function isRetriable(response: WebhookResponse): boolean {
  return response.kind === 'error' ? response.error !== 'blocked_address' : response.status >= 500;
}

/**
 * POSTs a signed JSON body. The host is resolved once, every address it has is checked (a name with one
 * private address among public ones is refused), and the connection goes to those checked addresses: a
 * DNS answer that changes between the check and the connection cannot slip a private address in.
 */
export async function callWebhook(input: WebhookRequest): Promise<WebhookResponse> {
  const url = new URL(input.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await dnsLookup(host, { all: true });
  } catch (error) {
    return { kind: 'error', error: 'network', message: `cannot resolve ${host}: ${messageOf(error)}` };
  }
  const blocked = addresses.find((a) => !isPublicAddress(a.address));
  if (!input.allowPrivate && (blocked || addresses.length === 0)) {
    return {
      kind: 'error',
      error: 'blocked_address',
      message: `${host} resolves to ${blocked?.address ?? 'nothing'}, which is not a public address`,
    };
  }
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  try {
    return await post(url, input, lookup);
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return timedOut
      ? { kind: 'error', error: 'timeout', message: `no answer within ${input.timeoutMs} ms` }
      : { kind: 'error', error: 'network', message: messageOf(error) };
  }
}

function post(url: URL, input: WebhookRequest, lookup: LookupFunction): Promise<WebhookResponse> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const signal = AbortSignal.timeout(input.timeoutMs);
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        lookup,
        signal,
        headers: {
          ...input.headers,
          'Content-Type': 'application/json',
          'User-Agent': 'Touchpoint-Webhook/1',
          'Idempotency-Key': input.idempotencyKey,
          [SIGNATURE_HEADER]: signWebhook(input.body, input.secret, input.at),
        },
      },
      (res) => {
        readBody(res).then(
          (text) => resolve({ kind: 'response', status: res.statusCode ?? 0, body: parseJson(text) }),
          reject,
        );
      },
    );
    req.on('error', reject);
    req.end(input.body);
  });
}

async function readBody(res: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      res.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string | null): unknown {
  if (text === null || text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
