import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** What the HTTP requests made inside one `witnessRequests()` call put on the wire. */
export interface WireRecord {
  /** Requests started (a TCP or TLS connection may still have failed before any byte left). */
  started: number;
  /** Requests handed to the operating system in full: the provider may have read and acted on them. */
  written: number;
}

const calls = new AsyncLocalStorage<WireRecord>();
const undiciRequests = new WeakMap<object, WireRecord>();
let subscribed = false;

/**
 * Node's own instrumentation points, so the bytes are seen whichever HTTP stack an SDK uses: axios over
 * `node:http` (Twilio, SendGrid), `https.request` (web-push) and `fetch`'s undici (FCM). A request whose
 * last byte never reached the kernel cannot have been read whole by the provider; one that did may have.
 */
function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe('http.client.request.start', (message) => {
    const record = calls.getStore();
    if (!record) return;
    record.started++;
    // 'finish': the last chunk of the request was handed to the OS (its write callback ran).
    (message as { request: ClientRequest }).request.once('finish', () => record.written++);
  });
  subscribe('undici:request:create', (message) => {
    const record = calls.getStore();
    if (!record) return;
    record.started++;
    undiciRequests.set((message as { request: object }).request, record);
  });
  subscribe('undici:request:bodySent', (message) => {
    const record = undiciRequests.get((message as { request: object }).request);
    if (record) record.written++;
  });
}

/**
 * Runs `fn` (one provider call through its SDK) and returns its outcome with a record of what reached the
 * wire. Never throws: a rejection is returned as the settled result.
 */
export async function witnessRequests<T>(
  fn: () => Promise<T>,
): Promise<{ wire: WireRecord; result: PromiseSettledResult<T> }> {
  subscribeOnce();
  const wire: WireRecord = { started: 0, written: 0 };
  const result = await calls.run(wire, () =>
    fn().then(
      (value): PromiseSettledResult<T> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<T> => ({ status: 'rejected', reason }),
    ),
  );
  return { wire, result };
}
