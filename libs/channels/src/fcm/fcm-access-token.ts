import { JWT } from 'google-auth-library';

/** The OAuth scope FCM HTTP v1 asks for. */
export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
/** Where google-auth-library posts its JWT-bearer grant, whatever the key's token_uri says. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface ServiceAccountCredentials {
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  /** The key's token_uri; Google's own endpoint when unset. */
  tokenUri?: string;
}

/**
 * No access token: `refused` when the token endpoint answered 4xx (a deleted or disabled key, a wrong
 * clock), else it could not be reached or failed (5xx), and a later try may get one.
 */
export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';
  constructor(
    message: string,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

/**
 * Access tokens for FCM minted from a service-account key (`FCM_SERVICE_ACCOUNT_FILE`) by
 * google-auth-library: an RS256-signed JWT traded for a token at the key's token_uri, cached, and minted
 * again once within the client's `eagerRefreshThresholdMillis` (5 minutes) of expiring, so no send
 * carries a token that lapses on the way.
 */
export function serviceAccountAccessToken(credentials: ServiceAccountCredentials): () => Promise<string> {
  const client = new JWT({
    email: credentials.clientEmail,
    key: credentials.privateKey,
    keyId: credentials.privateKeyId,
    scopes: [FCM_SCOPE],
  });
  const tokenUri = credentials.tokenUri;
  // google-auth-library 10 posts to Google's endpoint whatever token_uri says: send it where the key says.
  if (tokenUri && tokenUri !== GOOGLE_TOKEN_URL) {
    client.transporter.interceptors.request.add({
      resolved: async (request) => {
        if (String(request.url) === GOOGLE_TOKEN_URL) request.url = new URL(tokenUri);
        return request;
      },
    });
  }
  // Concurrent sends that find the token expiring share one mint: the client keeps one refresh in flight.
  return async () => {
    try {
      const { token } = await client.getAccessToken();
      if (!token) throw new Error('no access_token in the answer');
      return token;
    } catch (error) {
      const { status, response } = (error ?? {}) as {
        status?: unknown;
        response?: { status?: unknown };
      };
      const code = status ?? response?.status;
      const refused = typeof code === 'number' && code >= 400 && code < 500;
      // A plain message, no cause: the library's error carries the request with its signed assertion.
      throw new AccessTokenError(`FCM access token not minted: ${(error as Error).message}`, refused);
    }
  };
}
