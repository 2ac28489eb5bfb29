import { journeyDefinitionSchema, type JourneyDefinition } from './journey-definition';
import { problemPath, type JourneyProblem } from './journey-problem';
import type { JourneyChannel } from './journey-channel';
import { templateSources } from './template';
import { zodProblems } from './zod-problems';

export interface TemplateCheckContext {
  channel: JourneyChannel;
  /** The template field, e.g. `subject`. */
  field: string;
  /** The locale of an override, null for the default fields. */
  locale: string | null;
  /** Whether the journey has a survey, which puts `survey.url` in scope. */
  survey: boolean;
}

/** Returns an error message when a Liquid source does not parse or uses an unknown root variable; null when fine. */
export type TemplateChecker = (source: string, context?: TemplateCheckContext) => string | null;

export type JourneyValidation =
  { ok: true; journey: JourneyDefinition } | { ok: false; problems: JourneyProblem[] };

/** Parses a journey definition and checks what a schema cannot: step references, reachability, loops, templates. */
export function validateJourney(
  input: unknown,
  options: { checkTemplate?: TemplateChecker } = {},
): JourneyValidation {
  const parsed = journeyDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: zodProblems(parsed.error.issues) };
  }
  const journey = parsed.data;
  const problems: JourneyProblem[] = [];
  const { checkTemplate } = options;
  if (checkTemplate) {
    journey.steps.forEach((step, index) => {
      if (step.type === 'webhook') {
        for (const source of jsonStrings(step.body, ['body'])) {
          const message = checkTemplate(source.source);
          if (message !== null) {
            problems.push({
              path: problemPath(['steps', index, ...source.path]),
              message,
              code: 'JOURNEY.INVALID_TEMPLATE',
            });
          }
        }
      }
      if (step.type !== 'send') return;
      for (const source of templateSources(step.template)) {
        const message = checkTemplate(source.source, {
          channel: step.channel,
          field: source.field,
          locale: source.locale,
          survey: journey.survey !== undefined,
        });
        if (message !== null) {
          problems.push({
            path: problemPath(['steps', index, 'template', ...source.path]),
            message,
            code: 'JOURNEY.INVALID_TEMPLATE',
          });
        }
      }
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, journey };
}

/** Every string in a JSON value (a webhook's body, each a template), with its path. */
function jsonStrings(
  value: unknown,
  path: (string | number)[],
): { path: (string | number)[]; source: string }[] {
  if (typeof value === 'string') return [{ path, source: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => jsonStrings(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => jsonStrings(item, [...path, key]));
}
