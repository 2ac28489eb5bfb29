import type { JourneyChannel } from './journey-channel';

/** The fields of a customer the journey domain reads. */
export interface CustomerLike {
  id: string;
  timezone?: string | null;
  locale?: string | null;
  attributes: Record<string, unknown>;
  consent: Partial<Record<JourneyChannel, boolean>>;
  email?: string | null;
  phone?: string | null;
}
