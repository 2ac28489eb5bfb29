import { z } from 'zod';
import { text } from './text.schema';

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

const liquid = (what: string) =>
  text().min(1).describe(`${what} (Liquid; customer, event and journey in scope).`);

const smsFields = { body: liquid('Message text') };
const emailFields = {
  subject: liquid('Subject line'),
  html: liquid('HTML body'),
  text: liquid('Plain-text body; derived from the HTML when omitted').optional(),
};
const pushFields = {
  title: liquid('Notification title'),
  body: liquid('Notification text'),
  url: liquid('URL opened on click').optional(),
};

export const smsTemplateSchema = z
  .strictObject({ ...smsFields, locales: localesOf(z.strictObject(smsFields)) })
  .describe('SMS template.');
export const emailTemplateSchema = z
  .strictObject({ ...emailFields, locales: localesOf(z.strictObject(emailFields)) })
  .describe('Email template.');
export const pushTemplateSchema = z
  .strictObject({ ...pushFields, locales: localesOf(z.strictObject(pushFields)) })
  .describe('Web Push template.');

export type SmsTemplate = z.infer<typeof smsTemplateSchema>;
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;
export type PushTemplate = z.infer<typeof pushTemplateSchema>;
export type Template = SmsTemplate | EmailTemplate | PushTemplate;

/** The Liquid fields of a template (default and per-locale) with their paths relative to the template. */
export function templateSources(
  template: Template,
): { path: (string | number)[]; field: string; locale: string | null; source: string }[] {
  const sources: { path: (string | number)[]; field: string; locale: string | null; source: string }[] = [];
  const collect = (fields: object, prefix: string[], locale: string | null) => {
    for (const [field, source] of Object.entries(fields)) {
      if (field !== 'locales' && typeof source === 'string') {
        sources.push({ path: [...prefix, field], field, locale, source });
      }
    }
  };
  collect(template, [], null);
  for (const [locale, fields] of Object.entries(template.locales ?? {})) {
    collect(fields, ['locales', locale], locale);
  }
  return sources;
}
