import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { unavailableDependency } from '@touchpoint/core';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { dottedPath, problemType, type ProblemBody } from './problem';

/** Seconds a client is told to wait when a dependency is away: about what a PostgreSQL restart takes. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

/** The one error filter: every error leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const body = this.toProblem(exception);
    if (body.status === 503) {
      this.logger.warn({ path: req.path, err: exception }, 'a dependency is unavailable: answered 503');
    } else if (body.status >= 500) {
      this.logger.error({ err: exception, path: req.path }, 'request failed');
    }
    if (res.headersSent) return;
    if (body.status === 503) res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): ProblemBody {
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError() as ZodError;
      return {
        type: problemType('validation-error'),
        title: 'Bad Request',
        status: 400,
        detail: 'The request has invalid fields.',
        errors: zodError.issues.map((i) => ({ path: dottedPath(i.path), message: i.message })),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'type' in response && 'status' in response) {
        return response as ProblemBody;
      }
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      const detail = Array.isArray(message) ? message.join('; ') : message;
      return {
        type: problemType(status === 404 ? 'not-found' : 'http-error'),
        title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') || 'Error',
        status,
        detail,
        // Every 400 names what is wrong; Nest's own (a URL that does not decode) knows no field: the request.
        ...(status === 400 && { errors: [{ path: '', message: detail }] }),
      };
    }
    const dependency = unavailableDependency(exception);
    if (dependency) {
      return {
        type: problemType('unavailable'),
        title: 'Service Unavailable',
        status: 503,
        detail: `The ${dependency === 'database' ? 'database' : 'queue (Redis)'} is unavailable. Try again in a few seconds.`,
      };
    }
    return { type: problemType('internal-error'), title: 'Internal Server Error', status: 500 };
  }
}
