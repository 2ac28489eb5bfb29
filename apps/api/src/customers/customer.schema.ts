import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js';
import { z } from 'zod';
import { consentSchema, jsonRecord, text } from '@touchpoint/journeys';

/** No spaces, slashes or control characters: a customer id is a path segment. */
export const CUSTOMER_ID_PATTERN = /^[^\s/?#\p{Cc}]+$/u;

export const customerIdSchema = text()
  .min(1)
  .max(200)
  .regex(CUSTOMER_ID_PATTERN, 'a customer id has no spaces, slashes or control characters');

const isIanaZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
};
const isLocale = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).describe('The push service URL from PushSubscription.endpoint'),
  keys: z.object({ p256dh: text().min(1).max(512), auth: text().min(1).max(512) }),
});

export const customerBodySchema = z.object({
  email: z.email().max(320).nullish(),
  phone: z
    .string()
    .max(32)
    .refine((v) => v.startsWith('+') && isValidPhoneNumber(v), {
      message: 'must be a valid phone number in E.164 form, like +989121234567',
    })
    .transform((v) => parsePhoneNumberWithError(v).number)
    .nullish()
    .describe('E.164'),
  pushSubscriptions: z.array(pushSubscriptionSchema).max(20).optional(),
  fcmTokens: z
    .array(
      z
        .string()
        .min(8)
        .max(4096)
        .regex(/^[\w:.-]+$/, 'an FCM registration token has no spaces or punctuation besides : . _ -'),
    )
    .max(20)
    .optional()
    .describe(
      "FCM registration tokens of the customer's mobile app installs; push goes to the last one, before any browser subscription",
    ),
  locale: z
    .string()
    .max(35)
    .refine(isLocale, { message: 'must be a BCP 47 language tag, like fa or fa-IR' })
    .nullish(),
  timezone: z
    .string()
    .max(64)
    .refine(isIanaZone, { message: 'must be an IANA timezone name, like Asia/Tehran' })
    .nullish(),
  attributes: jsonRecord().optional(),
  consent: consentSchema.strict().optional(),
});
export type CustomerBody = z.output<typeof customerBodySchema>;

/** A customer as the API writes it (customerView); contact details masked for analysts. */
export const customerViewSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  pushSubscriptions: z.array(
    z.object({
      endpoint: z.string(),
      keys: z.object({ p256dh: z.string(), auth: z.string() }).optional().describe('Absent when masked'),
    }),
  ),
  fcmTokens: z.array(z.string()),
  locale: z.string().nullable(),
  timezone: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  consent: consentSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
