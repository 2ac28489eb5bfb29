import type { Consent } from './channels';

/** The fields of a customer the journey domain reads. */
export interface CustomerLike {
  id: string;
  timezone?: string | null;
  locale?: string | null;
  attributes: Record<string, unknown>;
  consent: Consent;
  email?: string | null;
  phone?: string | null;
}
