import { Injectable } from '@nestjs/common';
import { SANDBOX_PROVIDER, fcmTokenOf, type RenderedMessage } from '@touchpoint/channels';
import { Clock, TestSendRepository } from '@touchpoint/core';
import { CHANNELS, isRtlLocale, type AddressSource } from '@touchpoint/journeys';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TestSendRouter } from '../channels/test-send-router';
import {
  renderedFieldSchema,
  TemplatePreviewService,
  templatePreviewBodySchema,
} from './template-preview.service';

/** What a test's `to` must be, by the kind of address the channel's registry entry names. */
const ADDRESS_RULES = {
  phone: {
    valid: (to: string) => to.startsWith('+') && isValidPhoneNumber(to),
    message: 'must be a phone number in E.164 form, like +989121234567',
  },
  email: {
    valid: (to: string) => z.email().safeParse(to).success,
    message: 'must be an email address',
  },
  push: {
    valid: (to: string) => (fcmTokenOf(to)?.length ?? 0) > 0,
    message: 'must be an FCM registration token written fcm:<token>',
  },
} as const satisfies Record<AddressSource, unknown>;

export const testSendBodySchema = templatePreviewBodySchema
  .extend({
    customer: templatePreviewBodySchema.shape.customer
      .optional()
      .describe('Whose data fills the template: a stored customer or one written inline; none by default'),
    to: z
      .string()
      .trim()
      .min(1)
      .max(320)
      .describe('Where the test goes: a phone (E.164), an email address, or fcm:<token>'),
  })
  .superRefine((body, ctx) => {
    const rule = ADDRESS_RULES[CHANNELS[body.channel].address];
    if (!rule.valid(body.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: rule.message });
  });

export const testSendSchema = z.object({
  id: z.uuid(),
  mode: z
    .enum(['live', 'sandbox'])
    .describe('live: through the provider; sandbox: kept in the sandbox inbox'),
  provider: z.string(),
  status: z.enum(['sent', 'failed']),
  error: z.string().describe("The provider's refusal, when it refused").nullable(),
  rendered: z.record(z.string(), renderedFieldSchema),
});

/**
 * "Send me a test": rendered as the preview renders it, sent through the channel's real adapter (or the
 * sandbox), recorded in `test_sends`. No touchpoint, so no journey figure and no frequency cap counts it.
 */
@Injectable()
export class TestSendService {
  constructor(
    private readonly previews: TemplatePreviewService,
    private readonly router: TestSendRouter,
    private readonly sends: TestSendRepository,
    private readonly clock: Clock,
  ) {}

  async send(
    body: z.output<typeof testSendBodySchema>,
    keyId: string,
  ): Promise<z.input<typeof testSendSchema>> {
    const { to, customer = {}, ...template } = body;
    const preview = await this.previews.preview({ ...template, customer });
    const id = randomUUID();
    const adapter = this.router.for(body.channel);
    const message = { channel: body.channel, ...preview.rendered } as RenderedMessage;
    const result = await adapter.send({
      touchpointId: id,
      customerId: 'id' in customer && customer.id ? customer.id : `test-${id}`,
      to,
      fcmToken: fcmTokenOf(to),
      locale: preview.locale,
      direction: preview.locale && isRtlLocale(preview.locale) ? 'rtl' : 'ltr',
      message,
    });
    const sent = {
      id,
      mode: result.provider === SANDBOX_PROVIDER ? ('sandbox' as const) : ('live' as const),
      provider: result.provider,
      status: result.ok ? ('sent' as const) : ('failed' as const),
      error: result.ok ? null : `${result.code}: ${result.message}`,
      rendered: preview.rendered,
    };
    await this.sends.record({
      ...sent,
      channel: body.channel,
      to,
      providerMessageId: result.ok ? result.providerMessageId : null,
      keyId,
      at: this.clock.now(),
    });
    return sent;
  }
}
