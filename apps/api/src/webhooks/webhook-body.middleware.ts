import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { bodyProblem } from '../http/problem';

/** A webhook request: its body exactly as it arrived (signatures cover these bytes) and, if it parsed, the parsed body. */
export interface WebhookRequest extends Request {
  rawBody?: Buffer;
  /** The body did not parse as its content type says: refused, but only after the signature check. */
  bodyError?: string;
}

// SendGrid batches many events into one post; a megabyte is not enough for a busy account.
const LIMIT = '10mb';

/**
 * Body handling for `/webhooks/*`: keep the raw bytes, then parse form or JSON bodies. Parsing never fails
 * the request here, so that a bad signature is always a 403, whatever the body is.
 */
@Injectable()
export class WebhookBodyMiddleware implements NestMiddleware {
  private readonly raw = express.raw({ type: () => true, limit: LIMIT });

  use(req: WebhookRequest, res: Response, next: NextFunction): void {
    this.raw(req, res, (error?: unknown) => {
      if (error) return next(bodyProblem(error));
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      req.rawBody = raw;
      req.body = undefined;
      if (req.is('application/x-www-form-urlencoded')) {
        req.body = formParams(raw);
      } else if (req.is(['application/json', 'application/*+json'])) {
        try {
          req.body = JSON.parse(raw.toString('utf8')) as unknown;
        } catch {
          req.bodyError = 'The request body is not valid JSON.';
        }
      }
      next();
    });
  }
}

/** Form fields as Twilio's signature helper takes them: a repeated field becomes an array. */
export function formParams(raw: Buffer): Record<string, string | string[]> {
  // No prototype: a field named __proto__ is a field, not a way to change the object's prototype.
  const params: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    const seen = params[key];
    params[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}
