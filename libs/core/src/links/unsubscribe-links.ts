import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { LinkSigner } from './link-signer';

/**
 * The unsubscribe link of a touchpoint, `/unsubscribe/{touchpointId}?sig=…`: in every email's
 * `List-Unsubscribe` header (RFC 8058 one-click) and in templates as `unsubscribe.url`, for the footer.
 */
@Injectable()
export class UnsubscribeLinks {
  constructor(
    private readonly signer: LinkSigner,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  url(touchpointId: string): string {
    const base = this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    return `${base}/unsubscribe/${touchpointId}?sig=${this.signer.sign('unsubscribe', touchpointId)}`;
  }
}
