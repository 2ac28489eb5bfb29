import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { Role } from '@touchpoint/core';
import type { Request } from 'express';
import { ApiProblems } from '../openapi/api-problems.decorator';

export const ROLES_KEY = 'touchpoint:roles';
export const PUBLIC_KEY = 'touchpoint:public';

export interface Caller {
  keyId: string;
  name: string;
  role: Role;
}

/** Which roles may call this handler (admin always may). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    // Either one: a Bearer key, or the console's session cookie.
    ApiBearerAuth(),
    ApiCookieAuth('session'),
    ApiProblems(401, [
      403,
      `Allowed roles: admin${roles
        .filter((r) => r !== 'admin')
        .map((r) => `, ${r}`)
        .join('')}`,
    ]),
  );

/** No API key: health, metrics, docs, provider webhooks (which check their own signatures). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const req = ctx.switchToHttp().getRequest<Request & { caller?: Caller }>();
  if (!req.caller) throw new Error('CurrentCaller used on a public route');
  return req.caller;
});
