import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { CONFIG, type Config } from '@touchpoint/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { bodyProblem, ProblemException } from './problem';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Deeper than any body of this API needs; recursive validation and jsonb would overflow long before JSON.parse does. */
export const MAX_BODY_DEPTH = 64;

/** A value met while walking a body: its parent and key name its path, built only for the one reported. */
interface Visit {
  value: object;
  depth: number;
  parent: Visit | null;
  key: string | number;
}

/** The path of the first value nested deeper than `max`, found without recursion (the body may be 100,000 deep). */
export function tooDeepAt(body: unknown, max = MAX_BODY_DEPTH): (string | number)[] | null {
  if (body === null || typeof body !== 'object') return null;
  const stack: Visit[] = [{ value: body, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    if (visit.depth >= max) return pathOf(visit);
    const { value } = visit;
    // Scalars are never too deep: only objects and arrays are walked.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) push(stack, value[i], visit, i);
    } else {
      for (const key of Object.keys(value)) push(stack, (value as Record<string, unknown>)[key], visit, key);
    }
  }
  return null;
}

function push(stack: Visit[], value: unknown, parent: Visit, key: string | number): void {
  if (value === null || typeof value !== 'object') return;
  stack.push({ value, depth: parent.depth + 1, parent, key });
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) path.push(v.key);
  return path.reverse();
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
