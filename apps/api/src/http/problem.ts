import { HttpException, HttpStatus } from '@nestjs/common';
import { z } from 'zod';

export const fieldProblemSchema = z.object({
  path: z.string().describe('The field, dotted as the body spells it: `steps.1.duration`'),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/** RFC 9457 problem details; extension members may follow (hence loose). */
export const problemSchema = z.looseObject({
  type: z.string().describe('A URI naming the kind of problem'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(fieldProblemSchema).optional().describe('Each invalid field, when the input was at fault'),
});
export type ProblemBody = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemType = (slug: string): string => `https://touchpoint.dev/problems/${slug}`;

/** An RFC 9457 problem, thrown anywhere in the API and written as application/problem+json. */
export class ProblemException extends HttpException {
  constructor(status: number, slug: string, detail?: string, errors?: FieldProblem[]) {
    const body: ProblemBody = {
      type: problemType(slug),
      title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
      status,
      ...(detail !== undefined && { detail }),
      ...(errors && { errors }),
    };
    super(body, status);
  }

  static validation(errors: FieldProblem[], detail = 'The request has invalid fields.'): ProblemException {
    return new ProblemException(400, 'validation-error', detail, errors);
  }

  static notFound(what: string): ProblemException {
    return new ProblemException(404, 'not-found', `${what} was not found.`);
  }

  static conflict(detail: string): ProblemException {
    return new ProblemException(409, 'conflict', detail);
  }
}

/** Body-parser errors carry `type` and `status`. */
interface ParserError {
  type?: string;
  status?: number;
  message?: string;
}

/**
 * A body-parser error as a problem. Mapped where the body is parsed: past the middleware, Nest turns a
 * parse error into a bare BadRequestException that no longer says which kind it was.
 */
export function bodyProblem(error: unknown): ProblemException {
  const { type, status } = (error ?? {}) as ParserError;
  if (type === 'entity.too.large') {
    return new ProblemException(413, 'payload-too-large', 'The request body is larger than the limit.');
  }
  if (type === 'entity.parse.failed') {
    return new ProblemException(400, 'malformed-json', 'The request body is not valid JSON.', [
      { path: '', message: 'must be a JSON object or array' },
    ]);
  }
  if (status === 415 || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ProblemException(415, 'unsupported-media-type', 'The request body cannot be read.');
  }
  return new ProblemException(400, 'unreadable-body', 'The request body cannot be read.', [
    { path: '', message: 'the body ended early or was sent wrongly' },
  ]);
}

/** Zod issue paths as the API's problems write them: `steps.1.duration`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}
