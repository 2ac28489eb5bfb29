import { readFileSync } from 'node:fs';

/** The fields of a Google service-account JSON key that minting an access token needs. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  projectId?: string;
  /** Where the key says tokens are minted (Google's `https://oauth2.googleapis.com/token`; a fake in tests). */
  tokenUri?: string;
}

/**
 * Reads a service-account key file (`FCM_SERVICE_ACCOUNT_FILE`). Throws a message that names the file and
 * what is wrong with it, never any of its content: the private key must not reach a log.
 */
export function readServiceAccountKey(file: string): ServiceAccountKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, {
      cause: error,
    });
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${file} is not JSON (download the key as JSON from the Google Cloud console)`);
  }
  const field = (name: string) =>
    typeof json?.[name] === 'string' && json[name] !== '' ? (json[name] as string) : undefined;
  const clientEmail = field('client_email');
  const privateKey = field('private_key');
  if (json?.type !== 'service_account' || !clientEmail || !privateKey) {
    throw new Error(
      `${file} is not a service-account key (type "service_account", client_email, private_key)`,
    );
  }
  const tokenUri = field('token_uri');
  if (tokenUri !== undefined && !URL.canParse(tokenUri)) {
    throw new Error(`${file} has a token_uri that is not a URL`);
  }
  return {
    clientEmail,
    privateKey,
    privateKeyId: field('private_key_id'),
    projectId: field('project_id'),
    tokenUri,
  };
}
