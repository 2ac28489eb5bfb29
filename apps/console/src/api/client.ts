import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The console's HTTP client, typed from the API's own OpenAPI document (schema.d.ts, made by
 * `npm run openapi:types`): a path, parameter or body the API does not have fails the build.
 * Same origin: the console is served by the API, the browser sends its session cookie itself.
 */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });

/** Where the X-CSRF-Token for unsafe methods comes from; set once the session knows it. */
let csrfToken: (() => string | undefined) | undefined;

export function setCsrfTokenSource(read: () => string | undefined): void {
  csrfToken = read;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    const token = csrfToken?.();
    if (token && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', token);
    return request;
  },
};

api.use(csrfMiddleware);

export type { paths, components, operations } from './schema';
