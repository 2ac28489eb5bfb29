import { type KeyObject, randomBytes, randomUUID, sign } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
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

export interface FakeSendGridOptions {
  apiKey: string;
}

/** A request as SendGrid's v3 API received it, with its JSON body parsed when it was JSON. */
export interface FakeSendGridRequest extends RecordedRequest {
  json: unknown;
}

interface MailJson {
  personalizations?: {
    to?: { email?: string; name?: string }[];
    subject?: string;
    custom_args?: Record<string, unknown>;
  }[];
  from?: { email?: string; name?: string };
  subject?: string;
  content?: { type?: string; value?: string }[];
  custom_args?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A mail the fake accepted, with the `X-Message-Id` it answered. */
export interface FakeSendGridMail {
  messageId: string;
  body: MailJson;
  to: string[];
  subject: string | undefined;
  text: string | undefined;
  html: string | undefined;
  customArgs: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/** SendGrid's error body: `{ errors: [{ message, field, help }] }`. */
export function sendGridError(message: string, field: string | null = null, help: string | null = null) {
  return { errors: [{ message, field, help }] };
}

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * A local stand-in for SendGrid's `POST /v3/mail/send`. It checks what SendGrid checks (the bearer key, a
 * JSON body, personalizations, addresses, subject and content order) and answers as SendGrid answers: `202`
 * with `X-Message-Id`, or its `{ errors: [...] }` body. Point the SDK at it with `apiBaseUrl: fake.url`.
 */
export class FakeSendGrid {
  readonly requests: FakeSendGridRequest[] = [];
  readonly mails: FakeSendGridMail[] = [];
  private readonly faults = new FaultQueue();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private port = 0;
  /** What `GET /v3/scopes` answers: the key's permissions. */
  scopes = ['mail.send', 'user.profile.read'];

  private constructor(private readonly options: FakeSendGridOptions) {}

  static async start(options: FakeSendGridOptions): Promise<FakeSendGrid> {
    const fake = new FakeSendGrid(options);
    fake.port = await listen(fake.server);
    return fake;
  }

  /** The base URL to give the SDK (`SENDGRID_API_BASE_URL`). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next `n` requests answer `status` with `body` (a SendGrid error body by default). */
  failNext(n: number, status: number, body?: unknown, headers?: Record<string, string>): void {
    this.faults.push(n, { status, body: body ?? sendGridError(`Fault ${status}`), headers });
  }

  /** The next `n` messages meet `mishap`: taken then the connection reset, reset untaken, or answered late. */
  mishapNext(n: number, mishap: Mishap): void {
    this.faults.push(n, { mishap });
  }

  reset(): void {
    this.requests.length = 0;
    this.mails.length = 0;
    this.faults.clear();
  }

  async close(): Promise<void> {
    await close(this.server);
  }

  /** An Event Webhook event for an accepted mail, as SendGrid posts it (custom args at the top level). */
  event(messageId: string, event: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const mail = this.mails.find((m) => m.messageId === messageId);
    if (!mail) throw new Error(`no mail ${messageId}`);
    return {
      email: mail.to[0],
      timestamp: Math.floor(Date.now() / 1000),
      event,
      sg_event_id: randomBytes(16).toString('base64url'),
      sg_message_id: `${messageId}.recvd-${randomUUID()}`,
      'smtp-id': `<${messageId}@ismtpd0001p1lon1.sendgrid.net>`,
      ...mail.customArgs,
      ...extra,
    };
  }

  /**
   * Posts events to an Event Webhook URL signed as SendGrid signs them: ECDSA P-256 over timestamp + raw
   * body, base64 DER in `X-Twilio-Email-Event-Webhook-Signature`.
   */
  static async postSignedEvents(
    url: string,
    events: unknown[],
    privateKey: KeyObject,
    timestamp: string = String(Math.floor(Date.now() / 1000)),
  ): Promise<Response> {
    const payload = JSON.stringify(events);
    const signature = sign('sha256', Buffer.from(timestamp + payload, 'utf8'), privateKey).toString('base64');
    return fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Twilio-Email-Event-Webhook-Signature': signature,
        'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
      },
      body: payload,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const json = safeJson(body.toString('utf8'));
    this.requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body,
      json,
      at: Date.now(),
    });

    if (req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return reply(
        res,
        401,
        sendGridError('The provided authorization grant is invalid, expired, or revoked'),
      );
    }
    if (req.method === 'GET' && req.url === '/v3/scopes') return reply(res, 200, { scopes: this.scopes });
    const fault = this.faults.take();
    if (faultBeforeTaking(res, fault)) return;
    if (req.method !== 'POST' || req.url !== '/v3/mail/send') {
      return reply(res, 404, sendGridError('not found'));
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return reply(res, 415, sendGridError('Content-Type should be application/json.'));
    }
    if (!json || typeof json !== 'object') {
      return reply(res, 400, sendGridError('Bad Request', null, `${HELP}#-Request-Body-Parameters`));
    }
    const mail = json as MailJson;
    const problem = validate(mail);
    if (problem) return reply(res, 400, sendGridError(problem.message, problem.field, problem.help));

    const messageId = randomBytes(16).toString('base64url').slice(0, 22);
    const content = mail.content ?? [];
    const personalization = mail.personalizations?.[0];
    this.mails.push({
      messageId,
      body: mail,
      to: (personalization?.to ?? []).map((t) => t.email ?? ''),
      subject: personalization?.subject ?? mail.subject,
      text: content.find((c) => c.type === 'text/plain')?.value,
      html: content.find((c) => c.type === 'text/html')?.value,
      customArgs: { ...mail.custom_args, ...personalization?.custom_args },
      headers: mail.headers ?? {},
    });
    return answerTaken(res, fault, () => reply(res, 202, undefined, { 'X-Message-Id': messageId }));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function validate(mail: MailJson): { message: string; field: string | null; help: string } | undefined {
  const personalizations = mail.personalizations ?? [];
  if (personalizations.length === 0) {
    return {
      field: 'personalizations',
      message: 'The personalizations field is required and must have at least one personalization.',
      help: `${HELP}#-Personalizations-Errors`,
    };
  }
  for (const [i, p] of personalizations.entries()) {
    if (!p.to?.length) {
      return {
        field: `personalizations.${i}.to`,
        message:
          'The to array is required for all personalization objects, and must have at least one email object with a valid email address.',
        help: `${HELP}#message.personalizations.to`,
      };
    }
    for (const [j, to] of p.to.entries()) {
      if (!to.email || !EMAIL.test(to.email)) {
        return {
          field: `personalizations.${i}.to.${j}.email`,
          message: 'Does not contain a valid address.',
          help: `${HELP}#message.personalizations.to`,
        };
      }
    }
    for (const [key, value] of Object.entries(p.custom_args ?? {})) {
      if (typeof value !== 'string') {
        return {
          field: `personalizations.${i}.custom_args.${key}`,
          message: 'Invalid type. Expected: string, given: ' + typeof value + '.',
          help: `${HELP}#message.custom_args`,
        };
      }
    }
  }
  if (!mail.from?.email || !EMAIL.test(mail.from.email)) {
    return {
      field: 'from.email',
      message: 'The from email does not contain a valid address.',
      help: `${HELP}#message.from`,
    };
  }
  if (!mail.subject && !personalizations.every((p) => p.subject)) {
    return {
      field: 'subject',
      message:
        'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
      help: `${HELP}#message.subject`,
    };
  }
  const content = mail.content ?? [];
  if (content.length === 0 || content.some((c) => !c.type || !c.value)) {
    return {
      field: 'content',
      message:
        'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.',
      help: `${HELP}#message.content`,
    };
  }
  const plain = content.findIndex((c) => c.type === 'text/plain');
  if (plain > 0) {
    return {
      field: 'content',
      message:
        'If present, text/plain content must be first, followed by text/html, followed by any other content.',
      help: `${HELP}#message.content`,
    };
  }
  for (const [key, value] of Object.entries(mail.custom_args ?? {})) {
    if (typeof value !== 'string') {
      return {
        field: `custom_args.${key}`,
        message: 'Invalid type. Expected: string, given: ' + typeof value + '.',
        help: `${HELP}#message.custom_args`,
      };
    }
  }
  return undefined;
}
