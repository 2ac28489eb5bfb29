import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditRepository, Clock } from '@touchpoint/core';
import { mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { AUDIT_KEY, type AuditSpec } from './audited.decorator';

/**
 * Appends an entry to the audit trail after each audited handler succeeds. The change is committed by then;
 * an entry that cannot be written is logged as an error rather than failing a request that did its work.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, context.getHandler());
    if (!spec) return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest & { id?: unknown }>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const ctx = { params: req.params, body: req.body as unknown, result };
        const caller = req.caller ?? signedInAs(result);
        await this.audit
          .append({
            at: this.clock.now(),
            actor: caller
              ? { keyId: caller.keyId, name: caller.name, role: caller.role }
              : { keyId: null, name: 'anonymous', role: null },
            action: spec.action,
            target: { type: spec.target, id: spec.targetId?.(ctx) },
            detail: spec.detail?.(ctx),
            ip: req.ip,
            requestId: typeof req.id === 'string' ? req.id : undefined,
          })
          .catch((error: unknown) =>
            this.logger.error({ err: error, action: spec.action }, 'could not write the audit entry'),
          );
        return result;
      }),
    );
  }
}

/** A sign-in has no caller yet: the session it answers names the key. */
function signedInAs(result: unknown): { keyId: string; name: string; role: string } | undefined {
  const session = result as { keyId?: string; name?: string; role?: string } | undefined;
  return session?.keyId && session.name && session.role
    ? { keyId: session.keyId, name: session.name, role: session.role }
    : undefined;
}
