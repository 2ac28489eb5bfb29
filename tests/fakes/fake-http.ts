import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
export interface FakeFault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
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

  push(n: number, fault: FakeFault): void {
    for (let i = 0; i < n; i++) this.faults.push(fault);
  }

  take(): FakeFault | undefined {
    return this.faults.shift();
  }

  clear(): void {
    this.faults.length = 0;
  }

  get pending(): number {
    return this.faults.length;
  }
}
