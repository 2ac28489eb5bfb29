import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyRepository, Clock, type Role } from '@touchpoint/core';
import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import { PUBLIC_KEY, ROLES_KEY, type Caller } from './auth.decorators';

const CACHE_MS = 10_000;

/** Bearer API keys: unknown or missing → 401, known but the wrong role → 403. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { caller: Caller | null; at: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    const req = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new ProblemException(401, 'unauthorized', 'Send an API key as `Authorization: Bearer <key>`.');
    const caller = await this.lookup(match[1]);
    if (!caller) throw new ProblemException(401, 'unauthorized', 'The API key is unknown or revoked.');
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

  private async lookup(key: string): Promise<Caller | null> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.caller;
    const row = await this.keys.findActiveByKey(key);
    const caller = row ? { keyId: row.id, name: row.name, role: row.role } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { caller, at: now });
    return caller;
  }
}
