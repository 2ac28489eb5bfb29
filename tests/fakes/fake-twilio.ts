import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { SegmentedMessage } from 'sms-segments-calculator';
import twilio from 'twilio';
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

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
}

/** A request as Twilio's Messages resource received it, with its form fields decoded. */
export interface FakeTwilioRequest extends RecordedRequest {
  form: Record<string, string>;
}

/** A message the fake accepted, as Twilio would store it. */
export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  /** A WhatsApp content template and its variables (JSON), sent instead of a body. */
  contentSid: string | null;
  contentVariables: string | null;
  statusCallback: string | null;
  numSegments: number;
  encoding: string;
  status: string;
  /** When the fake received it (epoch ms): the bench measures lateness against it. */
  receivedAt: number;
}

/** Twilio's date format (RFC 2822 with `+0000`, which the SDK parses into a Date). */
const twilioDate = (at: number) => new Date(at).toUTCString().replace('GMT', '+0000');

/** Twilio's error body: `{ code, message, more_info, status }`. */
export function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

const E164 = /^\+[1-9]\d{6,14}$/;
/** WhatsApp addresses are a phone in E.164 behind this prefix, on both ends. */
const WHATSAPP = 'whatsapp:';

/**
 * A local stand-in for `api.twilio.com`'s Messages resource. It checks what Twilio checks (Basic auth with
 * the account SID and auth token, the account in the path, the form fields) and answers as Twilio answers,
 * error bodies included. Point the SDK at it with `apiBaseUrl: fake.url`.
 */
export class FakeTwilio {
  readonly requests: FakeTwilioRequest[] = [];
  readonly messages: FakeTwilioMessage[] = [];
  private readonly faults = new FaultQueue();
  private readonly lookupFaults = new FaultQueue();
  private readonly unsubscribed = new Set<string>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private port = 0;
  /** Answers an accepted message this much later: a slow provider, so a test can kill a worker mid-send. */
  latencyMs = 0;

  private constructor(private readonly options: FakeTwilioOptions) {}

  static async start(options: FakeTwilioOptions): Promise<FakeTwilio> {
    const fake = new FakeTwilio(options);
    fake.port = await listen(fake.server);
    return fake;
  }

  /** The base URL to give the SDK (`TWILIO_API_BASE_URL`). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next `n` requests answer `status` with `body` (a Twilio error body by default). */
  failNext(n: number, status: number, body?: unknown, headers?: Record<string, string>): void {
    this.faults.push(n, {
      status,
      body: body ?? twilioError(status, status === 429 ? 20429 : 20500, 'Fault'),
      headers,
    });
  }

  /** Every message sent answers `status` (a Twilio error body) until `recover()`: the provider is down. */
  goDown(status = 503): void {
    this.faults.outage = { status, body: twilioError(status, 20500, 'Service unavailable') };
  }

  recover(): void {
    this.faults.outage = undefined;
  }

  /** The next `n` messages sent meet `mishap`: taken then the connection reset, reset untaken, or answered late. */
  mishapNext(n: number, mishap: Mishap): void {
    this.faults.push(n, { mishap });
  }

  /** The next `n` reads of the Messages list answer `status` (the list has its own faults: sends keep theirs). */
  failLookupsNext(n: number, status: number): void {
    this.lookupFaults.push(n, { status, body: twilioError(status, 20500, 'Lookup fault') });
  }

  /** Reads of the Messages list received. */
  get lookups(): FakeTwilioRequest[] {
    return this.requests.filter((r) => r.method === 'GET');
  }

  /** The number replied STOP: Twilio now refuses messages to it with 21610. */
  unsubscribe(phone: string): void {
    this.unsubscribed.add(phone);
  }

  resubscribe(phone: string): void {
    this.unsubscribed.delete(phone);
  }

  reset(): void {
    this.requests.length = 0;
    this.messages.length = 0;
    this.faults.clear();
    this.lookupFaults.clear();
    this.unsubscribed.clear();
  }

  async close(): Promise<void> {
    await close(this.server);
  }

  /**
   * Posts a status callback for an accepted message to its `StatusCallback` URL, signed as Twilio signs it
   * (`X-Twilio-Signature` over the URL and the sorted form fields with the auth token).
   */
  async sendStatusCallback(
    sid: string,
    status: string,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const message = this.messages.find((m) => m.sid === sid);
    if (!message?.statusCallback) throw new Error(`no message ${sid} with a StatusCallback`);
    const params: Record<string, string> = {
      AccountSid: this.options.accountSid,
      ApiVersion: '2010-04-01',
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: status,
      SmsStatus: status,
      To: message.to,
      From: message.from ?? '',
      ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
      ...extra,
    };
    const signature = twilio.getExpectedTwilioSignature(
      this.options.authToken,
      message.statusCallback,
      params,
    );
    return fetch(message.statusCallback, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    });
  }

  /**
   * Posts an incoming SMS (a customer's reply) to an inbound webhook URL, signed as Twilio signs it; `authToken`
   * defaults to the fake's own, another one makes a forged request.
   */
  async sendInboundSms(
    url: string,
    from: string,
    text: string,
    { to = '+15005550006', authToken = this.options.authToken } = {},
  ): Promise<Response> {
    const params: Record<string, string> = {
      AccountSid: this.options.accountSid,
      ApiVersion: '2010-04-01',
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      SmsSid: `SM${randomBytes(16).toString('hex')}`,
      From: from,
      To: to,
      Body: text,
      NumMedia: '0',
      NumSegments: '1',
    };
    return fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': twilio.getExpectedTwilioSignature(authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  /** `GET /2010-04-01/Accounts/{sid}.json`: the account, for its own credentials only. */
  private account(res: ServerResponse, sid: string): void {
    if (sid !== this.options.accountSid) {
      return reply(res, 404, twilioError(404, 20404, `The requested resource was not found`));
    }
    const now = twilioDate(Date.now());
    reply(res, 200, {
      sid,
      friendly_name: 'Touchpoint test account',
      status: 'active',
      type: 'Full',
      owner_account_sid: sid,
      auth_token: this.options.authToken,
      date_created: now,
      date_updated: now,
      uri: `/2010-04-01/Accounts/${sid}.json`,
      subresource_uris: {},
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    const path = req.url ?? '/';
    this.requests.push({
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      form,
      at: Date.now(),
    });

    const expectedAuth = `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expectedAuth) {
      return reply(res, 401, twilioError(401, 20003, 'Authentication Error - invalid username'), {
        'WWW-Authenticate': 'Basic realm="Twilio API"',
      });
    }
    const account = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/.exec(path.split('?')[0]);
    if (account && req.method === 'GET') return this.account(res, account[1]);
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path.split('?')[0]);
    if (match && req.method === 'GET' && match[1] === this.options.accountSid) {
      if (faultBeforeTaking(res, this.lookupFaults.take())) return;
      return this.list(res, new URL(path, 'http://fake').searchParams);
    }
    const fault = this.faults.take();
    if (faultBeforeTaking(res, fault)) return;

    if (!match || req.method !== 'POST') {
      return reply(res, 404, twilioError(404, 20404, `The requested resource ${path} was not found`));
    }
    if (match[1] !== this.options.accountSid) {
      return reply(
        res,
        403,
        twilioError(403, 20003, 'Authentication Error - the account in the path is not yours'),
      );
    }
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return reply(res, 400, twilioError(400, 20001, 'Unsupported Content-Type'));
    }
    const {
      To: to,
      From: from,
      MessagingServiceSid: serviceSid,
      Body: text,
      ContentSid: contentSid,
      ContentVariables: contentVariables,
      StatusCallback: statusCallback,
    } = form;
    if (!to) return reply(res, 400, twilioError(400, 21604, "A 'To' phone number is required."));
    if (!from && !serviceSid) {
      return reply(res, 400, twilioError(400, 21603, "A 'From' phone number is required."));
    }
    if (!text && !contentSid) return reply(res, 400, twilioError(400, 21602, 'Message body is required.'));
    const whatsapp = to.startsWith(WHATSAPP);
    if (from && whatsapp !== from.startsWith(WHATSAPP)) {
      return reply(
        res,
        400,
        twilioError(400, 63007, 'Twilio could not find a Channel with the specified From address'),
      );
    }
    if (!E164.test(whatsapp ? to.slice(WHATSAPP.length) : to)) {
      return reply(res, 400, twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`));
    }
    if (this.unsubscribed.has(whatsapp ? to.slice(WHATSAPP.length) : to)) {
      return reply(res, 400, twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'));
    }

    const segmented = new SegmentedMessage(text ?? '');
    const message: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: from ?? null,
      messagingServiceSid: serviceSid ?? null,
      // A content template's text is Twilio's to fill in; the fake keeps a stand-in.
      body: text ?? `[content ${contentSid}]`,
      contentSid: contentSid ?? null,
      contentVariables: contentVariables ?? null,
      statusCallback: statusCallback ?? null,
      numSegments: segmented.segmentsCount,
      encoding: segmented.encodingName,
      status: serviceSid ? 'accepted' : 'queued',
      receivedAt: Date.now(),
    };
    this.messages.push(message);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    return answerTaken(res, fault, () => reply(res, 201, this.resource(message)));
  }

  /** A Message resource as Twilio renders it. */
  private resource(message: FakeTwilioMessage) {
    return {
      account_sid: this.options.accountSid,
      api_version: '2010-04-01',
      body: message.body,
      date_created: twilioDate(message.receivedAt),
      date_sent: null,
      date_updated: twilioDate(message.receivedAt),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      num_media: '0',
      num_segments: String(message.numSegments),
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: message.status,
      subresource_uris: {
        media: `/2010-04-01/Accounts/${this.options.accountSid}/Messages/${message.sid}/Media.json`,
      },
      to: message.to,
      uri: `/2010-04-01/Accounts/${this.options.accountSid}/Messages/${message.sid}.json`,
    };
  }

  /** The Messages list: filtered by `To` and `From`, newest first, one page of `PageSize`. */
  private list(res: ServerResponse, query: URLSearchParams): void {
    const to = query.get('To');
    const from = query.get('From');
    const pageSize = Number(query.get('PageSize') ?? 50);
    const found = this.messages
      .filter((m) => (!to || m.to === to) && (!from || m.from === from))
      .sort((a, b) => b.receivedAt - a.receivedAt)
      .slice(0, pageSize);
    const uri = `/2010-04-01/Accounts/${this.options.accountSid}/Messages.json?${query.toString()}`;
    reply(res, 200, {
      messages: found.map((m) => this.resource(m)),
      end: Math.max(0, found.length - 1),
      first_page_uri: uri,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri,
    });
  }
}
