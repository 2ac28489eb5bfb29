import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request } from 'express';

export const SESSION_COOKIE = 'tp_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session id from the request's cookie header, if it carries one. */
export function sessionIdOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const id = parseCookie(header)[SESSION_COOKIE];
  return id && /^[\w-]{20,100}$/.test(id) ? id : undefined;
}

/**
 * HttpOnly so script cannot read it, SameSite=Strict so other sites cannot send it, Secure when the request
 * came over https (directly, or through a proxy named by TRUST_PROXY). A browser-session cookie: the
 * server's idle expiry is what ends it.
 */
export function sessionCookie(id: string, req: Request): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: id,
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
  });
}

export function clearedSessionCookie(req: Request): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: '',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    expires: new Date(0),
  });
}
