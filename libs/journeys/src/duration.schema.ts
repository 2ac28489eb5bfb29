import { z } from 'zod';
import { ISO_DURATION_PATTERN, isIsoDuration } from './duration';

/** A positive ISO-8601 duration such as `P3D`, `PT2H`, `PT2S` or `P1DT12H`. */
export const durationSchema = z
  .string()
  .regex(ISO_DURATION_PATTERN, {
    message: 'must be an ISO-8601 duration such as P3D, PT2H or P1DT12H',
    abort: true,
  })
  .refine((iso) => isIsoDuration(iso), {
    message: 'must be a positive duration',
    params: { code: 'JOURNEY.INVALID_DURATION' },
  });

/** An ISO-8601 duration that may be zero or negative (`-P3D`): an offset, not a delay. */
export const offsetDurationSchema = z.string().regex(ISO_DURATION_PATTERN, {
  message: 'must be an ISO-8601 duration such as -P3D or PT2H',
});
