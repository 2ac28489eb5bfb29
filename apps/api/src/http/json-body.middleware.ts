import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { CONFIG, type Config } from '@touchpoint/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ProblemException } from './problem';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

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
    this.parse(req, res, next);
  }
}
