import type { z } from 'zod';
import { CONDITION_PATH_PATTERN } from './condition';
import { ISO_DURATION_PATTERN } from './duration';
import { problemPath, type JourneyProblem } from './journey-problem';
import { STEP_ID_PATTERN } from './step';
import { LOCALE_PATTERN } from './template';
import { TIME_OF_DAY_PATTERN } from './time-of-day.schema';

type Issue = z.core.$ZodIssue;

/** Maps zod issues to problems with dot-joined paths, stable codes and short messages. */
export function zodProblems(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): JourneyProblem[] {
  return issues.flatMap((issue) => issueProblems(issue, prefix));
}

// zod's regex check carries no params, so the pattern names the code.
const PATTERN_CODES = new Map<string, string>([
  [String(ISO_DURATION_PATTERN), 'JOURNEY.INVALID_DURATION'],
  [String(TIME_OF_DAY_PATTERN), 'JOURNEY.INVALID_TIME'],
  [String(STEP_ID_PATTERN), 'JOURNEY.INVALID_STEP_ID'],
  [String(LOCALE_PATTERN), 'JOURNEY.INVALID_LOCALE'],
  [String(CONDITION_PATH_PATTERN), 'JOURNEY.INVALID_CONDITION_PATH'],
]);

function issueProblems(issue: Issue, prefix: readonly PropertyKey[]): JourneyProblem[] {
  const path = [...prefix, ...issue.path];
  const at = (message: string, code: string, extra: PropertyKey[] = []): JourneyProblem => ({
    path: problemPath([...path, ...extra]),
    message,
    code,
  });
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? [at('is required', 'JOURNEY.REQUIRED')]
        : [at(`must be ${article(issue.expected)}`, 'JOURNEY.INVALID_TYPE')];
    case 'invalid_value':
      return [
        at(
          issue.values.length === 1
            ? `must be ${JSON.stringify(issue.values[0])}`
            : `must be one of ${issue.values.map((value) => String(value)).join(', ')}`,
          'JOURNEY.INVALID_VALUE',
        ),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => at('is not a known field', 'JOURNEY.UNKNOWN_FIELD', [key]));
    case 'too_small':
      return [at(sizeMessage(issue, 'at least'), 'JOURNEY.TOO_SMALL')];
    case 'too_big':
      return [at(sizeMessage(issue, 'at most'), 'JOURNEY.TOO_BIG')];
    case 'invalid_format':
      return [at(issue.message, PATTERN_CODES.get(String(issue.pattern)) ?? 'JOURNEY.INVALID_FORMAT')];
    case 'not_multiple_of':
      return [at(issue.message, 'JOURNEY.INVALID_VALUE')];
    case 'custom': {
      const code = typeof issue.params?.code === 'string' ? issue.params.code : 'JOURNEY.INVALID';
      return [at(issue.message, code)];
    }
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const options = (issue as { options?: unknown[] }).options;
        const code = discriminator === 'type' ? 'JOURNEY.UNKNOWN_STEP_TYPE' : 'JOURNEY.INVALID_VALUE';
        return [at(options ? `must be one of ${options.map(String).join(', ')}` : issue.message, code)];
      }
      return zodProblems(closestBranch(issue.errors), path);
    }
    case 'invalid_key':
      return [at('is not a valid key', 'JOURNEY.INVALID_KEY'), ...zodProblems(issue.issues, path)];
    case 'invalid_element':
      return zodProblems(issue.issues, [...path, issue.key as PropertyKey]);
  }
}

/** The union branch the input came closest to: the one whose issues lie deepest, else the first. */
function closestBranch(branches: Issue[][]): Issue[] {
  const depth = (issues: Issue[]) =>
    Math.min(...issues.map((issue) => issue.path.length + (issue.code === 'unrecognized_keys' ? 0 : 1)));
  return [...branches].sort((a, b) => depth(b) - depth(a))[0];
}

function sizeMessage(issue: { origin: string; minimum?: unknown; maximum?: unknown }, bound: string): string {
  const limit = String(issue.minimum ?? issue.maximum);
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `must have ${bound} ${limit} item(s)`;
    case 'string':
      return limit === '1' && bound === 'at least'
        ? 'must not be empty'
        : `must be ${bound} ${limit} character(s) long`;
    default:
      return `must be ${bound} ${limit}`;
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
