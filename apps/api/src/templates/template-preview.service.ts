import { Inject, Injectable } from '@nestjs/common';
import {
  countSmsSegments,
  TemplateRenderer,
  TemplateRenderError,
  type ChannelTemplate,
} from '@touchpoint/channels';
import { CONFIG, Clock, CustomerRepository, JourneyRepository, type Config } from '@touchpoint/core';
import { CHANNEL_NAMES, templateFieldsSummary } from '@touchpoint/journeys';
import { z } from 'zod';
import { templateCustomer } from '@touchpoint/worker';
import { customerBodySchema, customerIdSchema } from '../customers/customer.schema';
import { ProblemException } from '../http/problem';
import { transientCustomer } from '../journeys/journey-simulation.service';

export const templatePreviewBodySchema = z.strictObject({
  channel: z.enum(CHANNEL_NAMES),
  template: z
    .record(z.string(), z.unknown())
    .describe(`As in a send step: ${templateFieldsSummary()}, with locales`),
  customer: z
    .union([
      z.strictObject({ id: customerIdSchema.describe('A stored customer') }),
      customerBodySchema.extend({ id: customerIdSchema.optional() }),
    ])
    .describe('A stored customer (`{ "id" }`) or one written inline, as PUT /v1/customers takes it'),
  event: z
    .strictObject({
      name: z.string().min(1).max(200),
      properties: z.record(z.string(), z.unknown()).default({}),
    })
    .optional(),
  journey: z
    .strictObject({ id: z.uuid() })
    .optional()
    .describe('Fills `journey.*` (and allows `survey.url`)'),
});

/** A rendered field: text, or a `variables` field's placeholders, each rendered. */
export const renderedFieldSchema = z.union([z.string(), z.record(z.string(), z.string())]);

export const templatePreviewSchema = z.object({
  locale: z.string().describe("The customer's locale, which picked the template's locale block").nullable(),
  rendered: z.record(z.string(), renderedFieldSchema).describe(templateFieldsSummary()),
  sms: z
    .object({ segments: z.int(), encoding: z.enum(['GSM-7', 'UCS-2']), characters: z.int() })
    .optional()
    .describe('For SMS: how the provider will bill it'),
});

/** The console's live preview: the worker's own renderer and segment counter, nothing sent or stored. */
@Injectable()
export class TemplatePreviewService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly renderer: TemplateRenderer,
    private readonly customers: CustomerRepository,
    private readonly journeys: JourneyRepository,
    private readonly clock: Clock,
  ) {}

  async preview(
    body: z.output<typeof templatePreviewBodySchema>,
  ): Promise<z.input<typeof templatePreviewSchema>> {
    const template = body.template as ChannelTemplate;
    const problems = this.renderer.checkTemplate(template, body.channel);
    if (problems.length > 0) {
      throw ProblemException.validation(
        problems.map((p) => ({ path: `template.${p.field}`, message: p.message })),
      );
    }
    const stored = Object.keys(body.customer).length === 1 && body.customer.id !== undefined;
    const customer = stored
      ? await this.customers.find(body.customer.id ?? '')
      : transientCustomer(body.customer, this.clock.now());
    if (!customer) throw ProblemException.notFound('The customer');
    const journey = body.journey ? await this.journeys.find(body.journey.id) : undefined;
    if (body.journey && !journey) throw ProblemException.notFound('The journey');
    const definition = journey?.definition as { stage?: string; survey?: unknown } | undefined;
    const base = this.config.PUBLIC_BASE_URL;
    try {
      const { channel: _channel, ...rendered } = await this.renderer.render(
        template,
        body.channel,
        customer.locale,
        {
          customer: templateCustomer(customer),
          event: body.event && { name: body.event.name, properties: body.event.properties },
          journey: journey
            ? { id: journey.id, name: journey.name, version: journey.version, stage: definition?.stage }
            : {},
          unsubscribe: { url: `${base}/unsubscribe/preview` },
          ...(definition?.survey ? { survey: { url: `${base}/s/preview` } } : {}),
        },
      );
      const fields = rendered as Record<string, string>;
      return {
        locale: customer.locale,
        rendered: fields,
        ...(body.channel === 'sms' && { sms: countSmsSegments(fields.body ?? '') }),
      };
    } catch (error) {
      if (error instanceof TemplateRenderError) {
        throw ProblemException.validation([{ path: `template.${error.field}`, message: error.detail }]);
      }
      throw error;
    }
  }
}
