import { z } from 'zod';
import { CHANNEL_NAMES, CHANNELS, type ConsentKey } from './channels';

/** A customer's consent: an optional yes or no under each channel's consent key of the registry. */
export const consentSchema = z.object(
  Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [CHANNELS[channel].consentKey, z.boolean().optional()]),
  ) as Record<ConsentKey, z.ZodOptional<z.ZodBoolean>>,
);
