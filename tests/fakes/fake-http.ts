import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';

/** One request as a fake provider received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** When it arrived (epoch ms): timing assertions read this instead of sleeping. */
  at: number;
}

/** A canned answer the next requests get instead of the fake's normal behaviour. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * What a flaky network does to a request the client wrote in full: `take-then-reset` (the provider took the
 * message, then the connection reset before its answer), `reset-untaken` (the connection reset after the
 * request arrived, nothing taken), `{ answerAfterMs }` (taken, answered after the client gave up waiting).
 */
export type Mishap = 'take-then-reset' | 'reset-untaken' | { answerAfterMs: number };

export type FakeFault = FakeAnswer | { mishap: Mishap };

/** The mishaps that lose a taken message's answer, with the code the adapter gives the failure (200 ms read timeout). */
export const LOST_ANSWERS: { mishap: Mishap; code: string }[] = [
  { mishap: 'take-then-reset', code: 'network' },
  { mishap: { answerAfterMs: 1_000 }, code: 'timeout' },
];

/** A TCP reset (RST); over TLS, whose handle cannot reset, a close without an answer (a premature close). */
function dropConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (socket instanceof TLSSocket) socket.destroy();
  else socket?.resetAndDestroy();
}

/**
 * Plays the part of `fault` that comes before the fake takes the message: a canned answer, or a reset of
 * a request that is then not taken. True when the request is dealt with.
 */
export function faultBeforeTaking(res: ServerResponse, fault: FakeFault | undefined): boolean {
  if (!fault) return false;
  if ('status' in fault) {
    reply(res, fault.status, fault.body, fault.headers);
    return true;
  }
  if (fault.mishap === 'reset-untaken') {
    dropConnection(res);
    return true;
  }
  return false;
}

/** Answers a taken message, unless `fault` loses the answer (a reset) or delays it past the client's patience. */
export async function answerTaken(
  res: ServerResponse,
  fault: FakeFault | undefined,
  answer: () => void,
): Promise<void> {
  if (fault && 'mishap' in fault) {
    if (fault.mishap === 'take-then-reset') {
      dropConnection(res);
      return;
    }
    if (typeof fault.mishap === 'object') {
      const { answerAfterMs } = fault.mishap;
      await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
      if (res.destroyed || res.socket?.destroyed) return;
    }
  }
  answer();
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function reply(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string | number> = {},
): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const contentType =
    body === undefined || typeof body === 'string'
      ? {}
      : { 'Content-Type': 'application/json; charset=utf-8' };
  res.writeHead(status, { ...contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Listens on 127.0.0.1, port 0 (a free port the OS picks); resolves to the port. */
export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Closes the server, dropping the SDKs' keep-alive sockets so `afterAll` does not wait on them. */
export async function close(server: Server): Promise<void> {
  if (!server.listening) return;
  await new Promise<void>((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

/** A queue of programmed faults: `failNext(n, …)` makes the next n requests answer with the fault. */
export class FaultQueue {
  private readonly faults: FakeFault[] = [];
  /** Met by every request once the queued faults are spent, until the outage ends. */
  outage: FakeFault | undefined;

  push(n: number, fault: FakeFault): void {
    for (let i = 0; i < n; i++) this.faults.push(fault);
  }

  take(): FakeFault | undefined {
    return this.faults.shift() ?? this.outage;
  }

  clear(): void {
    this.faults.length = 0;
    this.outage = undefined;
  }

  get pending(): number {
    return this.faults.length;
  }
}
