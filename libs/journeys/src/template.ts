import { z } from 'zod';
import { text } from './text.schema';
import {
  byChannel,
  CHANNELS,
  type Channel,
  type ChannelSpec,
  type ChannelSpecOf,
  type TemplateFieldSpec,
} from './channels';

export const LOCALE_PATTERN = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

function localesOf<T extends z.ZodType>(fields: T) {
  return z
    .record(
      z.string().regex(LOCALE_PATTERN, {
        message: 'must be a locale such as fa, fa-IR or en-US',
      }),
      fields,
    )
    .optional()
    .describe(
      'Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields.',
    );
}

type FieldSpecs = ChannelSpecOf<Channel>['templateFields'];
type FieldSchema<F extends TemplateFieldSpec> = F['kind'] extends 'variables'
  ? z.ZodRecord<z.ZodString, z.ZodString>
  : z.ZodString;
type FieldsShape<T extends FieldSpecs> = {
  -readonly [K in keyof T]: T[K] extends TemplateFieldSpec
    ? T[K]['required'] extends true
      ? FieldSchema<T[K]>
      : z.ZodOptional<FieldSchema<T[K]>>
    : never;
};
type TemplateSchemaOf<C extends Channel> = z.ZodObject<
  FieldsShape<ChannelSpecOf<C>['templateFields']> & {
    locales: z.ZodOptional<
      z.ZodRecord<z.ZodString, z.ZodObject<FieldsShape<ChannelSpecOf<C>['templateFields']>>>
    >;
  },
  z.core.$strict
>;

function fieldSchema(spec: TemplateFieldSpec): z.ZodType {
  const liquid = text().min(1);
  const schema =
    spec.kind === 'variables'
      ? z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/, { message: 'must be a placeholder name' }), liquid)
      : liquid;
  const described = schema.describe(spec.description);
  return spec.required ? described : described.optional();
}

function templateSchemaOf<C extends Channel>(channel: C): TemplateSchemaOf<C> {
  const spec: ChannelSpec = CHANNELS[channel];
  const fields = Object.fromEntries(
    Object.entries(spec.templateFields).map(([name, field]) => [name, fieldSchema(field)]),
  );
  return z
    .strictObject({ ...fields, locales: localesOf(z.strictObject(fields)) })
    .describe(spec.templateDescription) as unknown as TemplateSchemaOf<C>;
}

/** Each channel's template schema: its registry fields, and per-locale blocks of the same fields. */
export const templateSchemas = byChannel(templateSchemaOf) as { [C in Channel]: TemplateSchemaOf<C> };

export const smsTemplateSchema = templateSchemas.sms;
export const emailTemplateSchema = templateSchemas.email;
export const pushTemplateSchema = templateSchemas.push;

/** The template of a step on channel `C`. */
export type TemplateOf<C extends Channel> = z.infer<TemplateSchemaOf<C>>;
/** The fields a template on channel `C` renders to (no locales). */
export type TemplateFieldsOf<C extends Channel> = z.infer<
  z.ZodObject<FieldsShape<ChannelSpecOf<C>['templateFields']>>
>;
export type SmsTemplate = TemplateOf<'sms'>;
export type EmailTemplate = TemplateOf<'email'>;
export type PushTemplate = TemplateOf<'push'>;
export type Template = { [C in Channel]: TemplateOf<C> }[Channel];

/** The Liquid fields of a template (default and per-locale) with their paths relative to the template. */
export function templateSources(
  template: Template,
): { path: (string | number)[]; field: string; locale: string | null; source: string }[] {
  const sources: { path: (string | number)[]; field: string; locale: string | null; source: string }[] = [];
  const collect = (fields: object, prefix: string[], locale: string | null) => {
    for (const [field, source] of Object.entries(fields)) {
      if (field !== 'locales' && typeof source === 'string') {
        sources.push({ path: [...prefix, field], field, locale, source });
      } else if (field !== 'locales' && source && typeof source === 'object') {
        // A `variables` field: each placeholder's value is Liquid of its own.
        for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
          if (typeof value === 'string') {
            sources.push({
              path: [...prefix, field, name],
              field: `${field}.${name}`,
              locale,
              source: value,
            });
          }
        }
      }
    }
  };
  collect(template, [], null);
  for (const [locale, fields] of Object.entries(template.locales ?? {})) {
    collect(fields, ['locales', locale], locale);
  }
  return sources;
}
