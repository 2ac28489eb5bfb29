import { AsyncLocalStorage } from 'node:async_hooks';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { type WireRecord, witnessRequests } from '../request-witness';

export const TWILIO_API_BASE_URL = 'https://api.twilio.com';

/** What the last HTTP exchange inside one `capture()` call answered: the SDK's exceptions drop the headers. */
export interface TwilioExchange {
  statusCode?: number;
  headers?: unknown;
  /** What reached the wire: a failure after the request was written leaves the message in doubt. */
  wire?: WireRecord;
}

/**
 * The SDK's own HTTP client, pointed at another base URL (`TWILIO_API_BASE_URL`: a local fake in tests, a
 * regional edge in production), since the SDK has no base-URL option. It also remembers the response
 * headers of each call so that a 429's `Retry-After` survives the SDK turning the answer into an exception.
 */
export class TwilioRequestClient extends twilio.RequestClient {
  private readonly baseUrl: URL | undefined;
  private readonly exchanges = new AsyncLocalStorage<TwilioExchange>();

  constructor(apiBaseUrl: string | undefined, opts: RequestClient.RequestClientOptions = {}) {
    super(opts);
    this.baseUrl =
      apiBaseUrl && apiBaseUrl.replace(/\/+$/, '') !== TWILIO_API_BASE_URL ? new URL(apiBaseUrl) : undefined;
  }

  /** Runs `fn` (one SDK call) and returns what the HTTP exchange answered alongside its outcome. */
  async capture<T>(
    fn: () => Promise<T>,
  ): Promise<{ exchange: TwilioExchange; result: PromiseSettledResult<T> }> {
    const exchange: TwilioExchange = {};
    const { wire, result } = await this.exchanges.run(exchange, () => witnessRequests(fn));
    exchange.wire = wire;
    return { exchange, result };
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const response = await super.request({ ...opts, uri: this.rewrite(opts.uri) });
    const exchange = this.exchanges.getStore();
    if (exchange) {
      exchange.statusCode = response.statusCode;
      exchange.headers = response.headers;
    }
    return response;
  }

  /** `https://api.twilio.com/2010-04-01/…` → `<apiBaseUrl>/2010-04-01/…`, keeping any path prefix of the base. */
  rewrite(uri: string): string {
    if (!this.baseUrl) return uri;
    const target = new URL(uri);
    if (target.hostname !== 'api.twilio.com') return uri;
    const prefix = this.baseUrl.pathname.replace(/\/+$/, '');
    return `${this.baseUrl.origin}${prefix}${target.pathname}${target.search}`;
  }
}
