import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the API answers itself: the console never shadows them, not even for a browser. */
const API_PREFIXES = [
  '/v1',
  '/docs',
  '/admin/queues',
  '/s',
  '/unsubscribe',
  '/webhooks',
  '/health',
  '/metrics',
];

export const isApiPath = (p: string): boolean =>
  API_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));

/** `<repository>/dist/console`: found from this file's place in the source or the build, else the working directory. */
export function defaultConsoleDir(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'apps'))) {
      return path.join(dir, 'dist', 'console');
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('dist', 'console');
    dir = parent;
  }
}

/**
 * No inline script and no eval; the console talks to its own origin only. Styles allow 'unsafe-inline'
 * because the email preview is a sandboxed `srcdoc` iframe, which inherits this policy, and emails are
 * styled inline. Set by hand (not helmet's defaults): `upgrade-insecure-requests` would break http://localhost.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // Served over plain http on localhost too: HSTS belongs to whatever terminates TLS in front.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
});

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Touchpoint</title></head>
<body><h1>Touchpoint</h1>
<p>The API is running, but the console has not been built, so there is nothing to show here yet.</p>
<p><code>npm start</code> builds it; or run <code>npm run build</code> and reload. The API itself is at
<a href="/docs">/docs</a>.</p></body></html>
`;

/**
 * The browser console at `/`: its files from `dir` (assets are content-hashed, so cached for a year; the
 * page itself is revalidated), and index.html for any other page a browser asks for (the console's own
 * routes), except the API's paths, which keep their meaning.
 */
export function consoleStatic(dir: string): RequestHandler {
  const index = path.join(dir, 'index.html');
  const files = express.static(dir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      const immutable = file.startsWith(path.join(dir, 'assets') + path.sep);
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const page = (req: Request, res: Response, next: NextFunction) => {
    const wantsPage = (req.headers.accept ?? '').includes('text/html') || req.path === '/';
    if (!wantsPage) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) {
      res.status(200).type('html').send(NOT_BUILT);
      return;
    }
    res.sendFile(index, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }, (error?: Error) => {
      if (error) next(error);
    });
  };
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    securityHeaders(req, res, () => files(req, res, () => page(req, res, next)));
  };
}
