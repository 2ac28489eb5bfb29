import type { Provider } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Clock } from '../clock/clock';
import { CONFIG, type Config } from '../config/config';
import { SettingRepository } from '../repositories/setting.repository';

/** What a signed link is for: a signature for one purpose is worthless for another. */
export type LinkPurpose = 'unsubscribe' | 'survey';

/**
 * HMAC-SHA256 signatures for the links Touchpoint puts in messages (`/unsubscribe/{touchpointId}?sig=…`):
 * the worker signs them when it sends, the API checks them when they are followed.
 */
export class LinkSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('a link signing secret has at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  sign(purpose: LinkPurpose, id: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${id}`).digest('base64url');
  }

  verify(purpose: LinkPurpose, id: string, signature: unknown): boolean {
    if (typeof signature !== 'string' || !/^[\w-]{43}$/.test(signature)) return false;
    // The text, not the decoded bytes: the last character's two spare bits would let a second spelling pass.
    return timingSafeEqual(Buffer.from(this.sign(purpose, id), 'ascii'), Buffer.from(signature, 'ascii'));
  }
}

const SETTING_KEY = 'link_signing_secret';

/**
 * LINK_SIGNING_SECRET, or else one generated at first start and kept in the database, so every API and
 * worker process shares it and links survive restarts without anyone choosing a secret.
 */
export const linkSignerProvider: Provider = {
  provide: LinkSigner,
  inject: [CONFIG, SettingRepository, Clock],
  useFactory: async (config: Config, settings: SettingRepository, clock: Clock) => {
    const secret =
      config.LINK_SIGNING_SECRET ??
      (await settings.putIfAbsent(SETTING_KEY, randomBytes(32).toString('base64url'), clock.now()));
    return new LinkSigner(secret);
  },
};
