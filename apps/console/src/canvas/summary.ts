import type { TFunction } from 'i18next';
import type { DraftStep, JourneyDoc } from './document';
import { formatDuration } from './duration';

type Cond = { path?: unknown; op?: unknown; value?: unknown; all?: unknown; any?: unknown; not?: unknown };

/** A condition in a line: `customer.attributes.tier = gold`. */
export function conditionText(condition: unknown, t: TFunction): string {
  if (!condition || typeof condition !== 'object') return '';
  const c = condition as Cond;
  if (Array.isArray(c.all)) return c.all.map((part) => conditionText(part, t)).join(` ${t('canvas:and')} `);
  if (Array.isArray(c.any)) return c.any.map((part) => conditionText(part, t)).join(` ${t('canvas:or')} `);
  if (c.not) return `${t('canvas:not')} (${conditionText(c.not, t)})`;
  const op = typeof c.op === 'string' ? t(`canvas:ops.${c.op}`, { defaultValue: c.op }) : '?';
  const value = c.value === undefined ? '' : ` ${JSON.stringify(c.value)}`;
  return `${String(c.path ?? '?')} ${op}${value}`;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The attribute names an update_attributes field names: the keys of `set`, the items of `unset`. */
const attributeNames = (field: unknown): string[] => {
  if (Array.isArray(field)) return field.map(str);
  return field && typeof field === 'object' ? Object.keys(field) : [];
};

/** What a step does, in one or two short lines for its node. */
export function stepSummary(step: DraftStep, t: TFunction, locale: string): string[] {
  switch (step.type) {
    case 'wait': {
      if (typeof step.duration === 'string') {
        return [t('canvas:summary.waitFor', { duration: formatDuration(step.duration, locale) })];
      }
      const until = (step.until ?? {}) as Record<string, unknown>;
      if ('date' in until) {
        return [
          t('canvas:summary.waitUntilDate', { date: str(until.date) }),
          ...(until.offset ? [t('canvas:summary.offset', { offset: str(until.offset) })] : []),
        ];
      }
      const days = Array.isArray(until.days)
        ? until.days.map((d) => t(`canvas:weekdays.${String(d)}`)).join(' ')
        : '';
      return [t('canvas:summary.waitUntilTime', { time: str(until.time) }), ...(days ? [days] : [])];
    }
    case 'send': {
      const template = (step.template ?? {}) as Record<string, unknown>;
      const first = str(template.subject) || str(template.title) || str(template.body) || str(template.html);
      const locales = Object.keys((template.locales as object | undefined) ?? {});
      return [
        first.length > 70 ? `${first.slice(0, 70)}…` : first || t('canvas:summary.emptyTemplate'),
        ...(locales.length ? [t('canvas:summary.locales', { locales: locales.join(', ') })] : []),
      ];
    }
    case 'wait_for_event':
      return [
        t('canvas:summary.waitForEvent', { event: str(step.event) || '?' }),
        t('canvas:summary.timeout', { duration: formatDuration(str(step.timeout), locale) }),
      ];
    case 'wait_for_attribute':
      return [
        t('canvas:summary.waitForAttribute', { attribute: str(step.attribute) || '?' }),
        t('canvas:summary.timeout', { duration: formatDuration(str(step.timeout), locale) }),
      ];
    case 'update_attributes':
      return [[step.set, step.setNow, step.increment, step.unset].flatMap(attributeNames).join(', ')];
    case 'webhook':
      return [t('canvas:summary.webhook', { url: str(step.url) || '?' })];
    case 'branch':
      return [t('canvas:summary.if', { condition: conditionText(step.if, t) })];
    case 'split': {
      const variants = Array.isArray(step.variants)
        ? (step.variants as { name?: unknown; weight?: unknown }[])
        : [];
      const total = variants.reduce((sum, v) => sum + (typeof v.weight === 'number' ? v.weight : 0), 0);
      return [
        ...variants.map((v) =>
          t('canvas:summary.variant', {
            name: str(v.name),
            share: total > 0 && typeof v.weight === 'number' ? Math.round((v.weight / total) * 100) : 0,
          }),
        ),
        ...(typeof step.holdout === 'number' ? [t('canvas:summary.holdout', { percent: step.holdout })] : []),
      ];
    }
    case 'exit':
      return [];
  }
}

/** The entry's rules in short lines: trigger, filter, re-entry, limits, exits, goal, quiet hours. */
export function entrySummary(doc: JourneyDoc, t: TFunction, locale: string): string[] {
  const trigger = (doc.trigger ?? {}) as Record<string, unknown>;
  const lines = [t('canvas:summary.trigger', { event: str(trigger.event) || '?' })];
  if (trigger.where) lines.push(t('canvas:summary.where', { condition: conditionText(trigger.where, t) }));
  const reentry = str(doc.reentry) || 'never';
  lines.push(t(`canvas:summary.reentry.${reentry}`, { defaultValue: reentry }));
  if (typeof doc.entryLimit === 'number') {
    lines.push(t('canvas:summary.entryLimit', { count: doc.entryLimit }));
  }
  if (Array.isArray(doc.exitOn) && doc.exitOn.length) {
    lines.push(t('canvas:summary.exitOn', { events: doc.exitOn.join(', ') }));
  }
  const goal = doc.goal as { event?: unknown; within?: unknown } | undefined;
  if (goal) {
    lines.push(
      t('canvas:summary.goal', { event: str(goal.event), within: formatDuration(str(goal.within), locale) }),
    );
  }
  const quiet = doc.quietHours as { start?: unknown; end?: unknown } | undefined;
  if (quiet) {
    lines.push(
      t('canvas:summary.quietHours', {
        start: clockTime(str(quiet.start), locale),
        end: clockTime(str(quiet.end), locale),
      }),
    );
  }
  if (doc.transactional === true) lines.push(t('canvas:summary.transactional'));
  return lines;
}

/** `21:00` in the viewer's digits (Persian digits when chosen); anything else is shown as typed. */
function clockTime(hhmm: string, locale: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2])));
}
