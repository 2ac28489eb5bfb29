import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyRepository, Clock, type Role } from '@touchpoint/core';
import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import { ConsoleSessionService, type SessionView } from '../session/console-session.service';
import { CSRF_HEADER, sessionIdOf } from '../session/session-cookie';
import { PUBLIC_KEY, ROLES_KEY, type Caller } from './auth.decorators';

const CACHE_MS = 10_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request once authenticated: who calls, and the console session when it came with the cookie. */
export type AuthenticatedRequest = Request & {
  caller?: Caller;
  consoleSession?: { id: string; view: SessionView };
};

/**
 * Bearer API keys, or the console's session cookie acting with its key's role. Unknown or missing → 401,
 * known but the wrong role → 403. A cookie is sent by the browser on its own, so a change made with one
 * needs the session's CSRF token in X-CSRF-Token too (403 without it); a Bearer key is never ambient.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  private readonly cache = new Map<string, { caller: Caller | null; at: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRepository,
    private readonly sessions: ConsoleSessionService,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = req.headers.authorization ? await this.fromBearer(req) : await this.fromSession(req);
    if (caller.role !== 'admin' && !allowed.includes(caller.role)) {
      throw new ProblemException(403, 'forbidden', `The ${caller.role} role may not do this.`);
    }
    req.caller = caller;
    return true;
  }

  /** Revocation takes effect within CACHE_MS on other processes, at once on this one. */
  forget(): void {
    this.cache.clear();
  }

  private async fromBearer(req: AuthenticatedRequest): Promise<Caller> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      throw new ProblemException(401, 'unauthorized', 'Send an API key as `Authorization: Bearer <key>`.');
    }
    const caller = await this.lookup(match[1]);
    if (!caller) {
      throw new ProblemException(401, 'unauthorized', 'The API key is unknown, revoked or expired.');
    }
    return caller;
  }

  private async fromSession(req: AuthenticatedRequest): Promise<Caller> {
    const id = sessionIdOf(req);
    if (!id) {
      throw new ProblemException(
        401,
        'unauthorized',
        'Send an API key as `Authorization: Bearer <key>`, or sign in to the console.',
      );
    }
    const session = await this.sessions.resume(id);
    if (!session) throw new ProblemException(401, 'unauthorized', 'The session has ended; sign in again.');
    if (
      !SAFE_METHODS.has(req.method) &&
      !ConsoleSessionService.csrfMatches(req.headers[CSRF_HEADER], session.csrfToken)
    ) {
      throw new ProblemException(
        403,
        'csrf',
        'A change made with the session cookie needs its X-CSRF-Token header.',
        [{ path: 'headers.x-csrf-token', message: 'missing or wrong' }],
      );
    }
    req.consoleSession = { id, view: session };
    return { keyId: session.keyId, name: session.name, role: session.role };
  }

  private async lookup(key: string): Promise<Caller | null> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.caller;
    const row = await this.keys.findActiveByKey(key, this.clock.now());
    const caller = row ? { keyId: row.id, name: row.name, role: row.role } : null;
    // Once per cache miss, off the request's path: a key's last use is shown to the minute.
    if (row) {
      this.keys.markUsed(row.id, this.clock.now()).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not note the key’s last use');
      });
    }
    // An expiring key leaves the cache when it expires, not up to CACHE_MS later.
    const expiresIn = row?.expires_at ? row.expires_at.getTime() - now : Infinity;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { caller, at: expiresIn < CACHE_MS ? now - CACHE_MS + expiresIn : now });
    return caller;
  }
}
