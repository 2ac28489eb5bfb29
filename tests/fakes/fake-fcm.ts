import { randomBytes } from 'node:crypto';
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

export interface FakeFcmOptions {
  projectId: string;
  /** The bearer token FCM takes, or a test of one (tokens minted by a FakeGoogleToken). */
  accessToken: string | ((token: string) => boolean);
}

export interface FakeFcmRequest extends RecordedRequest {
  json: unknown;
}

/** A message FCM accepted for a token. */
export interface FakeFcmMessage {
  name: string;
  token: string;
  notification: { title?: string; body?: string };
  data: Record<string, unknown>;
  android: Record<string, unknown> | undefined;
  apns: Record<string, unknown> | undefined;
}

const FCM_ERROR = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';

/** FCM's error body: a google.rpc.Status with an FcmError detail (and a BadRequest for a bad field). */
export function fcmError(
  code: number,
  status: string,
  errorCode: string,
  message: string,
  fieldViolation?: { field: string; description: string },
) {
  return {
    error: {
      code,
      message,
      status,
      details: [
        { '@type': FCM_ERROR, errorCode },
        ...(fieldViolation
          ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [fieldViolation] }]
          : []),
      ],
    },
  };
}

/**
 * A local stand-in for the FCM HTTP v1 API (`POST /v1/projects/{project}/messages:send`). It checks what
 * FCM checks (the OAuth bearer token, the project, a JSON `message` with one target and string data) and
 * answers as FCM answers: `{ name }`, or its error body (`UNREGISTERED` for a token `unregister`ed here).
 */
export class FakeFcm {
  readonly requests: FakeFcmRequest[] = [];
  readonly messages: FakeFcmMessage[] = [];
  private readonly faults = new FaultQueue();
  private readonly unregistered = new Set<string>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private port = 0;

  private constructor(private readonly options: FakeFcmOptions) {}

  static async start(options: FakeFcmOptions): Promise<FakeFcm> {
    const fake = new FakeFcm(options);
    fake.port = await listen(fake.server);
    return fake;
  }

  /** `FCM_API_BASE_URL`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The app was uninstalled: FCM answers UNREGISTERED for this token from now on. */
  unregister(token: string): void {
    this.unregistered.add(token);
  }

  failNext(n: number, status: number, body?: unknown, headers?: Record<string, string>): void {
    this.faults.push(n, {
      status,
      body: body ?? fcmError(status, 'INTERNAL', 'INTERNAL', 'Internal error'),
      headers,
    });
  }

  /** The next `n` messages meet `mishap`: taken then the connection reset, reset untaken, or answered late. */
  mishapNext(n: number, mishap: Mishap): void {
    this.faults.push(n, { mishap });
  }

  reset(): void {
    this.requests.length = 0;
    this.messages.length = 0;
    this.faults.clear();
    this.unregistered.clear();
  }

  async close(): Promise<void> {
    await close(this.server);
  }

  private authorized(header: string | undefined): boolean {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
    const { accessToken } = this.options;
    return typeof accessToken === 'string' ? token === accessToken : accessToken(token);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      json = undefined;
    }
    const path = req.url ?? '/';
    this.requests.push({
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      json,
      at: Date.now(),
    });

    if (!this.authorized(req.headers.authorization)) {
      return reply(
        res,
        401,
        fcmError(
          401,
          'UNAUTHENTICATED',
          'UNSPECIFIED_ERROR',
          'Request had invalid authentication credentials.',
        ),
      );
    }
    const match = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(path);
    if (req.method !== 'POST' || !match) {
      return reply(res, 404, fcmError(404, 'NOT_FOUND', 'UNSPECIFIED_ERROR', 'Not found'));
    }
    if (decodeURIComponent(match[1]) !== this.options.projectId) {
      return reply(
        res,
        403,
        fcmError(403, 'PERMISSION_DENIED', 'SENDER_ID_MISMATCH', 'Permission denied on project'),
      );
    }
    const fault = this.faults.take();
    if (faultBeforeTaking(res, fault)) return;
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return reply(
        res,
        400,
        fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'Invalid JSON payload received.'),
      );
    }
    const message = (json as { message?: Record<string, unknown> } | undefined)?.message;
    if (!message) {
      return reply(
        res,
        400,
        fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'Request contains an invalid argument.'),
      );
    }
    const token = message.token;
    if (typeof token !== 'string' || !/^[\w:-]{8,}$/.test(token)) {
      const description = 'The registration token is not a valid FCM registration token';
      return reply(
        res,
        400,
        fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', description, {
          field: 'message.token',
          description,
        }),
      );
    }
    const data = (message.data ?? {}) as Record<string, unknown>;
    const notString = Object.entries(data).find(([, v]) => typeof v !== 'string');
    if (notString) {
      return reply(
        res,
        400,
        fcmError(
          400,
          'INVALID_ARGUMENT',
          'INVALID_ARGUMENT',
          `Invalid value at 'message.data[${notString[0]}]'`,
        ),
      );
    }
    if (this.unregistered.has(token)) {
      return reply(res, 404, fcmError(404, 'NOT_FOUND', 'UNREGISTERED', 'Requested entity was not found.'));
    }
    const name = `projects/${this.options.projectId}/messages/0:${Date.now()}%${randomBytes(8).toString('hex')}`;
    this.messages.push({
      name,
      token,
      notification: (message.notification ?? {}) as FakeFcmMessage['notification'],
      data,
      android: message.android as Record<string, unknown> | undefined,
      apns: message.apns as Record<string, unknown> | undefined,
    });
    return answerTaken(res, fault, () => reply(res, 200, { name }));
  }
}
