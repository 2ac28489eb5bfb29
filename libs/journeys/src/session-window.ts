import { CHANNELS, type Channel, type ChannelSpec } from './channels';

/** A template as a step holds it: fields and per-locale blocks of fields. */
type TemplateLike = Record<string, unknown> & { locales?: Record<string, Record<string, unknown>> };

export type SessionDecision<T extends TemplateLike> =
  { ok: true; template: T } | { ok: false; code: 'outside_session_window'; message: string };

/**
 * What a channel with a session window (its registry entry's `session`) may send now. Within `hours` of the
 * customer's last message on it: the free-form fields, the provider template left out. Outside: the
 * provider template as it is, or nothing when the step has none. A channel without a window: the template.
 */
export function sessionDecision<T extends TemplateLike>(input: {
  channel: Channel;
  template: T;
  /** When the customer last wrote on the channel, if ever. */
  lastInboundAt: Date | null | undefined;
  now: Date;
}): SessionDecision<T> {
  const spec: ChannelSpec = CHANNELS[input.channel];
  const session = spec.session;
  if (!session) return { ok: true, template: input.template };
  const since = input.lastInboundAt ? input.now.getTime() - input.lastInboundAt.getTime() : Infinity;
  if (since >= 0 && since < session.hours * 3_600_000) {
    return { ok: true, template: without(input.template, session.templateFields) };
  }
  const hasProviderTemplate = typeof input.template[session.templateField] === 'string';
  if (hasProviderTemplate) return { ok: true, template: input.template };
  return {
    ok: false,
    code: 'outside_session_window',
    message: `${spec.label} takes free-form text only within ${session.hours} hours of the customer's last message; outside them the step needs a ${session.templateField}`,
  };
}

function without<T extends TemplateLike>(template: T, fields: readonly string[]): T {
  const strip = (block: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(block).filter(([name]) => !fields.includes(name)));
  const stripped: Record<string, unknown> = strip(template);
  if (template.locales) {
    stripped.locales = Object.fromEntries(
      Object.entries(template.locales).map(([locale, block]) => [locale, strip(block)]),
    );
  }
  return stripped as T;
}
