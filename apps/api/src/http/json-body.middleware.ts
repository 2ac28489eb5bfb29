import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { CONFIG, type Config } from '@touchpoint/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { bodyProblem, ProblemException } from './problem';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Deeper than any body of this API needs; recursive validation and jsonb would overflow long before JSON.parse does. */
export const MAX_BODY_DEPTH = 64;

/** The path of the first value nested deeper than `max`, found without recursion (the body may be 100,000 deep). */
export function tooDeepAt(body: unknown, max = MAX_BODY_DEPTH): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: body, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= max) return path;
    for (const [key, item] of Object.entries(value)) {
      stack.push({ value: item, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return null;
}

/** /v1 speaks JSON only: anything else with a body is 415; a body over the limit is 413. */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: express.RequestHandler;

  constructor(@Inject(CONFIG) config: Config) {
    this.parse = express.json({ limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (
      WITH_BODY.has(req.method) &&
      (hasBody || chunked) &&
      !req.is(['application/json', 'application/*+json'])
    ) {
      next(new ProblemException(415, 'unsupported-media-type', 'Send the body as application/json.'));
      return;
    }
    this.parse(req, res, (error?: unknown) => {
      if (error !== undefined) return next(bodyProblem(error));
      const deep = tooDeepAt(req.body);
      if (deep) {
        const path = deep.join('.');
        return next(
          ProblemException.validation([{ path, message: `nests deeper than ${MAX_BODY_DEPTH} levels` }]),
        );
      }
      next();
    });
  }
}
