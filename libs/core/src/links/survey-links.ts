import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { LinkSigner } from './link-signer';

const UUID = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})$/i;

/**
 * The survey link of a touchpoint, `/s/{token}`: the touchpoint id (16 bytes, base64url) and its
 * HMAC-SHA256 signature for the `survey` purpose. Derived from the id alone, so the worker can put it in
 * the message before anything about the answer exists; single use is the answer's unique link to it.
 */
@Injectable()
export class SurveyLinks {
  constructor(
    private readonly signer: LinkSigner,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  token(touchpointId: string): string {
    const match = UUID.exec(touchpointId);
    if (!match) throw new Error(`not a touchpoint id: ${touchpointId}`);
    const id = Buffer.from(match.slice(1).join(''), 'hex').toString('base64url');
    return `${id}.${this.signer.sign('survey', touchpointId.toLowerCase())}`;
  }

  url(touchpointId: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/s/${this.token(touchpointId)}`;
  }

  /** The touchpoint id a token was signed for, or undefined for a malformed or tampered token. */
  read(token: string): string | undefined {
    const match = /^([\w-]{22})\.([\w-]{43})$/.exec(token);
    if (!match) return undefined;
    const hex = Buffer.from(match[1], 'base64url').toString('hex');
    if (hex.length !== 32) return undefined;
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return this.signer.verify('survey', id, match[2]) ? id : undefined;
  }
}
