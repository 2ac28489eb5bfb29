import { z } from 'zod';
import { jsonValue, text } from './text.schema';
import { conditionSchema } from './condition';
import { durationSchema, offsetDurationSchema } from './duration.schema';
import { CHANNEL_NAMES, type Channel } from './channels';
import { templateSchemas } from './template';
import { timeOfDaySchema } from './time-of-day.schema';

export const STEP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const stepIdSchema = z
  .string()
  .regex(STEP_ID_PATTERN, {
    message: 'must be 1 to 64 letters, digits, "_" or "-"',
  })
  .describe('Step id, unique within the journey.');
const stepRef = (what: string) =>
  z.string().regex(STEP_ID_PATTERN, { message: 'must be a step id' }).describe(what);
export const ATTRIBUTE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const attributeName = z
  .string()
  .regex(ATTRIBUTE_NAME_PATTERN, { message: 'must be 1 to 64 letters, digits, "_" or "-"' })
  .describe('Customer attribute name (a key of `customer.attributes`).');

const next = stepRef('Id of the step that follows; by default the next step in the array.').optional();

const untilTimeSchema = z
  .strictObject({
    time: timeOfDaySchema.describe('Local time in the customer timezone, HH:MM.'),
    days: z.array(z.enum(WEEKDAYS)).min(1).optional().describe('Allowed weekdays; any day when omitted.'),
  })
  .describe('Until the next such local time strictly after now.');
const untilDateSchema = z
  .strictObject({
    date: z
      .string()
      .min(1)
      .describe(
        'Path to a date (`customer.attributes.birthday`, `event.properties.departsAt`) or an ISO date; a MM-DD value recurs yearly.',
      ),
    offset: offsetDurationSchema.optional().describe('Added to the date, may be negative: `-P3D`.'),
    time: timeOfDaySchema
      .optional()
      .describe(
        'Local time on that day, HH:MM; by default the time of the date itself (midnight for a plain date).',
      ),
  })
  .describe('Until a date taken from the customer or event, plus an offset, at a local time.');

export const waitStepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z.literal('wait'),
    duration: durationSchema
      .optional()
      .describe('How long to wait, ISO-8601 (`P3D`, `PT2H`); added in the customer timezone.'),
    until: z
      .union([untilTimeSchema, untilDateSchema])
      .optional()
      .describe('Wait until a local time or a date instead of a duration.'),
    next,
  })
  .superRefine((step, ctx) => {
    if ((step.duration === undefined) === (step.until === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['duration'],
        message: 'a wait needs exactly one of duration or until',
        params: { code: 'JOURNEY.INVALID_WAIT' },
      });
    }
  })
  .describe('Wait for a duration or until a moment.');

const sendBase = {
  id: stepIdSchema,
  type: z.literal('send'),
  expiresAfter: durationSchema
    .optional()
    .describe(
      'How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits.',
    ),
  next,
};
function sendStepOf<C extends Channel>(channel: C) {
  return z.strictObject({
    ...sendBase,
    channel: z.literal(channel).describe('Channel.'),
    template: templateSchemas[channel],
  });
}
type SendStepSchemaOf<C extends Channel> = ReturnType<typeof sendStepOf<C>>;
type AnySendStepSchema = { [C in Channel]: SendStepSchemaOf<C> }[Channel];
const sendSteps = CHANNEL_NAMES.map(sendStepOf) as [AnySendStepSchema, ...AnySendStepSchema[]];
/** One send step per channel of the registry, told apart by `channel`. */
export const sendStepSchema = z
  .discriminatedUnion('channel', sendSteps)
  .describe('Send a message on a channel.');

const eventNameSchema = text().min(1).max(200);

export const waitForEventStepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z.literal('wait_for_event'),
    event: eventNameSchema.optional().describe('Name of the awaited event; or `events` for several.'),
    events: z
      .array(eventNameSchema)
      .min(1)
      .max(20)
      .optional()
      .describe(
        'Names of awaited events, any of which ends the wait; the one that did is `context.<step id>.event`.',
      ),
    where: conditionSchema.optional().describe('Narrows which events count.'),
    timeout: durationSchema.describe('How long to wait for the event, ISO-8601.'),
    onEvent: stepRef('Step to continue with when the event arrives.'),
    onTimeout: stepRef('Step to continue with when the timeout passes.'),
  })
  .superRefine((step, ctx) => {
    if ((step.event === undefined) === (step.events === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['event'],
        message: 'a wait_for_event needs exactly one of event or events',
        params: { code: 'JOURNEY.INVALID_WAIT' },
      });
    }
  })
  .describe(
    'Wait for an event of the customer (or any of several), up to a timeout. What ended the wait is `context.<step id>`: `{ outcome: "event", event, at }` or `{ outcome: "timeout" }`.',
  );

export const waitForAttributeStepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z.literal('wait_for_attribute'),
    attribute: attributeName.describe(
      'Customer attribute (a key of `customer.attributes`) whose change ends the wait.',
    ),
    where: conditionSchema
      .optional()
      .describe(
        'Narrows which changes count, on the customer after the change (`customer.attributes.plan eq "pro"`); another change keeps waiting.',
      ),
    timeout: durationSchema.describe('How long to wait for the change, ISO-8601.'),
    onChange: stepRef('Step to continue with when the attribute changes.'),
    onTimeout: stepRef('Step to continue with when the timeout passes.'),
  })
  .describe(
    'Wait for a customer attribute to change (by `PUT /v1/customers/{id}` or an update_attributes step), up to a timeout. What ended the wait is `context.<step id>`: `{ outcome: "changed", attribute, value, at }` or `{ outcome: "timeout" }`.',
  );

export const branchStepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z.literal('branch'),
    if: conditionSchema,
    then: stepRef('Step to continue with when the condition is true.'),
    else: stepRef('Step to continue with when the condition is false.'),
  })
  .describe('Continue on one of two steps depending on a condition.');

export const splitStepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z.literal('split'),
    variants: z
      .array(
        z.strictObject({
          name: text().min(1).max(64).describe('Variant name, reported on its touchpoints.'),
          weight: z.number().min(0).describe('Relative weight.'),
          next: stepRef('First step of this variant.'),
        }),
      )
      .min(1)
      .describe('Variants, chosen deterministically per customer in proportion to their weights.'),
    holdout: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Percentage of customers who receive nothing from here on (the control group).'),
  })
  .describe('A/B split.');

export const updateAttributesStepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z.literal('update_attributes'),
    set: z
      .record(attributeName, jsonValue())
      .optional()
      .describe('Attributes set to these values: `{ "cartReminder": "sent" }`.'),
    setNow: z
      .array(attributeName)
      .min(1)
      .optional()
      .describe('Attributes set to the moment the step runs, ISO-8601 UTC: `["lastCartReminderAt"]`.'),
    increment: z
      .record(attributeName, z.number().finite())
      .optional()
      .describe(
        'Attributes increased by these amounts (negative to decrease): `{ "remindersSent": 1 }`; one that is missing or not a number counts as 0.',
      ),
    unset: z.array(attributeName).min(1).optional().describe('Attributes removed.'),
    next,
  })
  .superRefine((step, ctx) => {
    const seen = new Map<string, string>();
    const ops = [
      ['set', Object.keys(step.set ?? {})],
      ['setNow', step.setNow ?? []],
      ['increment', Object.keys(step.increment ?? {})],
      ['unset', step.unset ?? []],
    ] as const;
    for (const [op, names] of ops) {
      for (const name of names) {
        const first = seen.get(name);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [op],
            message: `attribute "${name}" is also in ${first}: one change per attribute`,
            params: { code: 'JOURNEY.INVALID_UPDATE' },
          });
        }
        seen.set(name, op);
      }
    }
    if (seen.size === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['set'],
        message: 'an update_attributes step needs at least one of set, setNow, increment or unset',
        params: { code: 'JOURNEY.INVALID_UPDATE' },
      });
    }
  })
  .describe(
    'Change customer attributes (set, set to now, increment, unset) so later branches and other journeys read them; applied once per visit, even when the job is retried.',
  );

/** Headers Touchpoint sets itself on a webhook request, which a step cannot override. */
export const RESERVED_WEBHOOK_HEADERS = [
  'content-type',
  'content-length',
  'host',
  'idempotency-key',
  'touchpoint-signature',
  'user-agent',
  'transfer-encoding',
  'connection',
] as const;

export const webhookStepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z.literal('webhook'),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
      .max(2000)
      .describe(
        'Where to POST. Its host must resolve to public addresses only, unless WEBHOOK_ALLOW_PRIVATE is set.',
      ),
    headers: z
      .record(
        z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { message: 'must be a header name' }),
        text().max(2000),
      )
      .optional()
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers ?? {})) {
          if ((RESERVED_WEBHOOK_HEADERS as readonly string[]).includes(name.toLowerCase())) {
            ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is set by Touchpoint` });
          }
        }
      })
      .describe('Extra request headers (an API key of the receiver); not templates.'),
    body: jsonValue().describe(
      'The JSON body; every string in it is a Liquid template with `customer`, `event` and `journey` in scope (`{ "cart": "{{ event.properties.cartUrl }}" }`).',
    ),
    timeout: durationSchema
      .optional()
      .describe('How long one attempt may take, ISO-8601, at most PT30S; PT10S by default.'),
    next,
  })
  .superRefine((step, ctx) => {
    if (step.timeout !== undefined && !/^PT([1-9]|[12]\d|30)S$/.test(step.timeout)) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeout'],
        message: 'must be whole seconds from PT1S to PT30S',
        params: { code: 'JOURNEY.INVALID_WEBHOOK' },
      });
    }
  })
  .describe(
    'POST a signed JSON body to a URL (`Touchpoint-Signature`, `Idempotency-Key`), retried on network errors, timeouts and 5xx. Logged as a touchpoint of channel `webhook`; the answer is `context.<step id>`: `{ ok, status, body }` (`body` the parsed JSON) or `{ ok: false, status, error }`.',
  );

export const exitStepSchema = z
  .strictObject({ id: stepIdSchema, type: z.literal('exit') })
  .describe('End the enrollment.');

export const stepSchema = z.discriminatedUnion('type', [
  waitStepSchema,
  sendStepSchema,
  waitForEventStepSchema,
  waitForAttributeStepSchema,
  branchStepSchema,
  splitStepSchema,
  updateAttributesStepSchema,
  webhookStepSchema,
  exitStepSchema,
]);

export type Step = z.infer<typeof stepSchema>;
export type WaitStep = z.infer<typeof waitStepSchema>;
export type SendStep = z.infer<typeof sendStepSchema>;
export type WaitForEventStep = z.infer<typeof waitForEventStepSchema>;
export type WaitForAttributeStep = z.infer<typeof waitForAttributeStepSchema>;
export type BranchStep = z.infer<typeof branchStepSchema>;
export type SplitStep = z.infer<typeof splitStepSchema>;
export type UpdateAttributesStep = z.infer<typeof updateAttributesStepSchema>;
export type WebhookStep = z.infer<typeof webhookStepSchema>;
export type ExitStep = z.infer<typeof exitStepSchema>;
