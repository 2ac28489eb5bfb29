import { type KeyObject, generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { close, listen, readBody, reply } from './fake-http';

export interface FakeGoogleTokenOptions {
  /** The service account (`client_email`) whose key this endpoint knows. */
  clientEmail: string;
  projectId: string;
}

/** A token this endpoint minted, and what it was minted from. */
export interface MintedToken {
  accessToken: string;
  expiresAt: number;
  scope: string;
  at: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The audience google-auth-library signs for, as Google's endpoint requires. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/**
 * A local stand-in for Google's OAuth 2.0 token endpoint, speaking the JWT-bearer grant (RFC 7523): it
 * verifies the RS256 assertion against the public half of a key pair it made (the private half goes into
 * the service-account key file it writes) and its claims, then answers `access_token` + `expires_in`.
 */
export class FakeGoogleToken {
  readonly minted: MintedToken[] = [];
  /** Every grant refused, with the reason (`invalid_grant: …`). */
  readonly refused: string[] = [];
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly keyId = randomBytes(20).toString('hex');
  private readonly lifetimes: number[] = [];
  private refusals = 0;
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private port = 0;

  private constructor(private readonly options: FakeGoogleTokenOptions) {}

  static async start(options: FakeGoogleTokenOptions): Promise<FakeGoogleToken> {
    const fake = new FakeGoogleToken(options);
    fake.port = await listen(fake.server);
    return fake;
  }

  /** The key's token_uri. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/token`;
  }

  /** The private key in the service-account file, in PEM, as Google writes it. */
  get privateKeyPem(): string {
    return this.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  /** A service-account JSON key as the Google Cloud console downloads it, pointing at this endpoint. */
  serviceAccountKey(privateKey: KeyObject = this.keys.privateKey): Record<string, string> {
    return {
      type: 'service_account',
      project_id: this.options.projectId,
      private_key_id: this.keyId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: this.options.clientEmail,
      client_id: '100000000000000000001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: this.url,
    };
  }

  /** The next tokens' `expires_in`, in seconds, one each (then an hour, as Google's). */
  expireNextIn(...seconds: number[]): void {
    this.lifetimes.push(...seconds);
  }

  /** The next `n` grants are refused (`invalid_grant`), as Google refuses a disabled or deleted key. */
  refuseNext(n: number): void {
    this.refusals += n;
  }

  /** Whether FCM should take this bearer token: minted here and not expired. */
  isValid(token: string): boolean {
    return this.minted.some((m) => m.accessToken === token && m.expiresAt > Date.now());
  }

  async close(): Promise<void> {
    await close(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    if (req.method !== 'POST' || req.url !== '/token') return reply(res, 404, { error: 'not_found' });
    if (form.get('grant_type') !== JWT_BEARER) {
      return this.refuse(res, 'unsupported_grant_type', `grant_type must be ${JWT_BEARER}`);
    }
    let problem: { scope: string } | string;
    try {
      problem = this.checkAssertion(form.get('assertion') ?? '');
    } catch {
      problem = 'the assertion is not a JWS';
    }
    if (typeof problem === 'string') return this.refuse(res, 'invalid_grant', problem);
    if (this.refusals > 0) {
      this.refusals--;
      return this.refuse(res, 'invalid_grant', 'Invalid grant: account not found');
    }
    const expiresIn = this.lifetimes.shift() ?? 3600;
    const token: MintedToken = {
      accessToken: `ya29.fake-${this.minted.length + 1}-${randomBytes(12).toString('hex')}`,
      expiresAt: Date.now() + expiresIn * 1000,
      scope: problem.scope,
      at: Date.now(),
    };
    this.minted.push(token);
    return reply(res, 200, { access_token: token.accessToken, expires_in: expiresIn, token_type: 'Bearer' });
  }

  /** The assertion's claims when its RS256 signature and claims hold, else what is wrong. */
  private checkAssertion(assertion: string): { scope: string } | string {
    const [header, payload, signature] = assertion.split('.');
    if (!header || !payload || !signature) return 'the assertion is not a JWS';
    const parse = (part: string) =>
      JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (parse(header).alg !== 'RS256') return 'the assertion must be signed RS256';
    const signed = Buffer.from(`${header}.${payload}`);
    if (!verify('RSA-SHA256', signed, this.keys.publicKey, Buffer.from(signature, 'base64url'))) {
      return 'Invalid JWT Signature.';
    }
    const claims = parse(payload);
    const now = Math.floor(Date.now() / 1000);
    if (claims.iss !== this.options.clientEmail) return `unknown service account ${String(claims.iss)}`;
    if (claims.aud !== GOOGLE_TOKEN_URL) return `the audience must be ${GOOGLE_TOKEN_URL}`;
    if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return 'iat and exp are required';
    if (claims.exp <= now || claims.iat > now + 60 || claims.exp - claims.iat > 3600) {
      return 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.';
    }
    if (typeof claims.scope !== 'string' || !claims.scope) return 'the assertion names no scope';
    return { scope: claims.scope };
  }

  private refuse(res: ServerResponse, error: string, description: string): void {
    this.refused.push(`${error}: ${description}`);
    reply(res, 400, { error, error_description: description });
  }
}
