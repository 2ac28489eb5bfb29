import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { problemSchema } from '../http/problem';

/** Named `Problem` in the document: the class name is the component's. */
class Problem extends createZodDto(problemSchema) {}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input: `errors` names each field; nothing was written',
  401: 'Missing or unknown API key',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'The body is larger than the limit',
  415: 'The body is not JSON',
};

/** The errors an operation can answer, each an `application/problem+json` body of the one Problem schema. */
export function ApiProblems(...problems: (ProblemStatus | [ProblemStatus, string])[]) {
  return applyDecorators(
    ApiExtraModels(Problem),
    ...problems.map((problem) => {
      const [status, description] = Array.isArray(problem) ? problem : [problem, DESCRIPTIONS[problem]];
      return ApiResponse({
        status,
        description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
      });
    }),
  );
}

/** A JSON body can be invalid, too large or not JSON at all. */
export const ApiJsonBodyProblems = () => ApiProblems(400, 413, 415);
