import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

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

/** Zod issue paths as API.md writes them: `steps.1.duration`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}
