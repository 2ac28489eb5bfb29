import type { z } from 'zod';

/**
 * Refinement options that run an object's refinement only once the named fields parsed. zod 4 runs object
 * refinements over partly invalid input (the raw value where a field failed): that is how `steps: []` met
 * the step-graph check and answered 500 instead of 400.
 */
export function whenParsed(...fields: string[]): { when: (payload: z.core.ParsePayload) => boolean } {
  return {
    when: (payload) =>
      !payload.issues.some((issue) => {
        const field = issue.path?.[0];
        // No path: the value itself is not even an object.
        return field === undefined || fields.includes(String(field));
      }),
  };
}
