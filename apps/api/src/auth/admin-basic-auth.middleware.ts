import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ApiKeyRepository, Clock } from '@touchpoint/core';
import type { NextFunction, Request, Response } from 'express';

/** The queue dashboard is for admins: a browser sends the admin key as the Basic-auth password. */
@Injectable()
export class AdminBasicAuthMiddleware implements NestMiddleware {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization ?? '';
    let key: string | undefined;
    if (/^Bearer\s+/i.test(header)) {
      key = header.replace(/^Bearer\s+/i, '').trim();
    } else if (/^Basic\s+/i.test(header)) {
      const decoded = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
      key = decoded.slice(decoded.indexOf(':') + 1);
    }
    const row = key ? await this.keys.findActiveByKey(key, this.clock.now()) : undefined;
    if (row?.role === 'admin') return next();
    res
      .status(row ? 403 : 401)
      .set('WWW-Authenticate', 'Basic realm="Touchpoint queues", charset="UTF-8"')
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'https://touchpoint.dev/problems/unauthorized',
          title: row ? 'Forbidden' : 'Unauthorized',
          status: row ? 403 : 401,
          detail: 'The queue dashboard needs an admin API key as the Basic-auth password.',
        }),
      );
  }
}
