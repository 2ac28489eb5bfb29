import { Inject, Injectable } from '@nestjs/common';
import { TemplateRenderer, TemplateRenderError, type ChannelTemplate } from '@touchpoint/channels';
import {
  CONFIG,
  Clock,
  CustomerRepository,
  DB,
  JourneyRepository,
  SETTING_KEYS,
  SettingRepository,
  TouchpointRepository,
  type Config,
  type Customer,
  type Database,
} from '@touchpoint/core';
import {
  capWindowStart,
  jsonRecord,
  scopeCustomer,
  scopeEvent,
  scopeLinks,
  simulateJourney,
  text,
  type FrequencyCap,
  type JourneyDefinition,
  type SimulationResult,
  type TimelineEvent,
  validateJourney,
} from '@touchpoint/journeys';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addressOf, toCustomerLike } from '@touchpoint/worker';
import { customerBodySchema, customerIdSchema } from '../customers/customer.schema';
import { ProblemException } from '../http/problem';

export const simulationBodySchema = z
  .strictObject({
    customer: z
      .union([
        z.strictObject({ id: customerIdSchema.describe('A stored customer, with their sending history.') }),
        customerBodySchema.extend({
          id: customerIdSchema.optional().describe('Decides split variants; `simulated` when omitted.'),
        }),
      ])
      .describe('A stored customer (`{ "id" }`) or one written inline, as `PUT /v1/customers` takes it.'),
    events: z
      .array(
        z.strictObject({
          name: text().min(1).max(200),
          properties: jsonRecord().default({}),
          at: z.iso.datetime({ offset: true }).optional().describe('When it happens; now when omitted.'),
        }),
      )
      .min(1)
      .max(1000)
      .describe('The timeline: the first event that matches the trigger enrolls.'),
    definition: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'A definition to simulate instead of the published version (a draft being edited), checked like POST /v1/journeys/validate.',
      ),
  })
  .describe('What a journey would do for one customer and a timeline of events.');
export type SimulationBody = z.output<typeof simulationBodySchema>;

/** `POST /v1/journeys/{id}/simulate`: the worker's rules over plain data; sends nothing, stores nothing. */
@Injectable()
export class JourneySimulationService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly journeys: JourneyRepository,
    private readonly customers: CustomerRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly settings: SettingRepository,
    private readonly renderer: TemplateRenderer,
    private readonly clock: Clock,
  ) {}

  async simulate(journeyId: string, body: SimulationBody) {
    const journey = await this.journeys.find(journeyId);
    if (!journey) throw ProblemException.notFound('The journey');
    const definition =
      body.definition === undefined
        ? (journey.definition as JourneyDefinition)
        : this.checked(body.definition);
    const now = this.clock.now();
    const events: TimelineEvent[] = body.events.map((e) => {
      const at = e.at ? new Date(e.at) : now;
      return { name: e.name, properties: e.properties, occurredAt: at, at };
    });
    const stored = Object.keys(body.customer).length === 1 && body.customer.id !== undefined;
    const customer = stored
      ? await this.customers.find(body.customer.id ?? '')
      : transientCustomer(body.customer, now);
    if (!customer) throw ProblemException.notFound('The customer');
    const caps = (await this.settings.get<{ caps: FrequencyCap[] }>(SETTING_KEYS.frequencyCaps))?.caps ?? [];
    const first = new Date(Math.min(...events.map((e) => e.at.getTime())));
    const since = Math.min(
      first.getTime(),
      ...caps.map((cap) => capWindowStart(cap, first, customer.timezone ?? 'UTC').getTime()),
    );
    const sentBefore =
      stored && caps.length > 0
        ? await this.touchpoints.sentForCaps(this.db, customer.id, new Date(since))
        : [];
    const scopeJourney = {
      id: journey.id,
      name: definition.name,
      version: journey.version,
      stage: definition.stage,
    };
    const result = await simulateJourney(definition, {
      journeyId: journey.id,
      customer: toCustomerLike(customer),
      events,
      caps,
      sentBefore,
      address: (channel) => addressOf(channel, customer),
      lastInboundAt: (channel) => {
        const at = customer.last_inbound[channel];
        return at ? new Date(at) : undefined;
      },
      render: async (step, trigger) => {
        try {
          const rendered = await this.renderer.render(
            step.template as ChannelTemplate,
            step.channel,
            customer.locale,
            {
              customer: scopeCustomer(toCustomerLike(customer)),
              event: scopeEvent({ ...trigger, occurredAt: trigger.at }),
              journey: scopeJourney,
              ...scopeLinks(definition, {
                unsubscribe: `${this.config.PUBLIC_BASE_URL}/unsubscribe/simulated`,
                survey: `${this.config.PUBLIC_BASE_URL}/s/simulated`,
              }),
            },
          );
          return { ok: true, rendered: { ...rendered } };
        } catch (error) {
          if (error instanceof TemplateRenderError) return { ok: false, error: error.message };
          throw error;
        }
      },
    });
    return view(journey.version, result);
  }

  /** A draft's definition, refused with paths under `definition.` when it could not run. */
  private checked(input: unknown): JourneyDefinition {
    const result = validateJourney(input, { checkTemplate: (source) => this.renderer.check(source) });
    if (!result.ok) {
      throw ProblemException.validation(
        result.problems.map((p) => ({ path: `definition.${p.path}`, message: p.message, code: p.code })),
        'The journey cannot run as written.',
      );
    }
    return result.journey;
  }
}

function view(version: number, result: SimulationResult) {
  return {
    version,
    enrolled: result.enrolled,
    timezone: result.timezone,
    variant: result.variant,
    reason: result.reason,
    steps: result.steps.map((s) => ({
      stepId: s.stepId,
      action: s.action,
      at: s.at.toISOString(),
      localTime: s.localTime,
      channel: s.channel,
      rendered: s.rendered,
      reason: s.reason,
    })),
  };
}

/** An inline customer as the row the worker would read, never written anywhere. */
/** A customer written inline (simulate, template preview), shaped as a stored row; nothing is stored. */
export function transientCustomer(customer: object, now: Date): Customer {
  const c = customer as z.output<typeof customerBodySchema> & { id?: string };
  // Typed as the row, not cast to it: a column added later (fcm_tokens was missed once) fails to compile.
  const row: Customer = {
    id: c.id ?? 'simulated',
    email: c.email ?? null,
    phone: c.phone ?? null,
    push_subscriptions: c.pushSubscriptions ?? [],
    fcm_tokens: c.fcmTokens ?? [],
    last_inbound: {},
    locale: c.locale ?? null,
    timezone: c.timezone ?? null,
    attributes: c.attributes ?? {},
    consent: c.consent ?? {},
    created_at: now,
    updated_at: now,
  };
  return row;
}
