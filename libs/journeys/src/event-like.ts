/** The fields of an event the journey domain reads. */
export interface EventLike {
  name: string;
  properties: Record<string, unknown>;
  occurredAt?: Date;
}
