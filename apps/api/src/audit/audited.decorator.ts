import { SetMetadata } from '@nestjs/common';
import { createHash } from 'node:crypto';

/** What an audited handler saw and answered, to name the target and the detail from. */
export interface AuditContext {
  params: Record<string, string | string[] | undefined>;
  body: unknown;
  result: unknown;
}

export interface AuditSpec {
  /** `journey.published`, `api_key.created`… */
  action: string;
  target: string;
  targetId?: (ctx: AuditContext) => string | undefined;
  /** Never contact details: the trail outlives an erasure. */
  detail?: (ctx: AuditContext) => Record<string, unknown> | undefined;
}

export const AUDIT_KEY = 'touchpoint:audit';

/** Records the handler's success in the audit trail: who, what, when, from where. */
export const Audited = (spec: AuditSpec) => SetMetadata(AUDIT_KEY, spec);

/** The `id` of what the handler answered (a created journey, key…). */
export const resultId = ({ result }: AuditContext): string | undefined =>
  (result as { id?: string } | undefined)?.id;

/** The `:id` route parameter. */
export const paramId = ({ params }: AuditContext): string | undefined =>
  typeof params.id === 'string' ? params.id : undefined;

/** A journey's name and version as it was answered. */
export const journeyDetail = ({ result }: AuditContext): Record<string, unknown> => {
  const journey = result as { name?: string; version?: number; status?: string };
  return { name: journey.name, version: journey.version, status: journey.status };
};

/** An erased customer's id as the trail keeps it: `sha256:<hex>`, comparable, not readable. */
export const erasedCustomerRef = (customerId: unknown): string | undefined =>
  typeof customerId === 'string'
    ? `sha256:${createHash('sha256').update(customerId).digest('hex')}`
    : undefined;
