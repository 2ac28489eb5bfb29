import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@touchpoint/core';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { SESSION_COOKIE } from '../session/session-cookie';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The OpenAPI 3.1 document of the running app: 3.1 because its schema dialect is the JSON Schema 2020-12
 * that zod emits, so nestjs-zod's cleanup keeps `const`, `anyOf` nulls and named recursive schemas as they are.
 */
export function buildOpenApiDocument(
  app: INestApplication,
  config: Pick<Config, 'PUBLIC_BASE_URL'>,
): OpenAPIObject {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Touchpoint')
      .setDescription(
        'Omnichannel touchpoint orchestration: journeys, events, customers and the touchpoint log. ' +
          'Errors are RFC 9457 problems (`application/problem+json`).',
      )
      .setVersion('1')
      .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
      .addServer(config.PUBLIC_BASE_URL.replace(/\/+$/, ''), 'This deployment (PUBLIC_BASE_URL)')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description: 'An API key: `Authorization: Bearer <key>`',
      })
      .addCookieAuth(
        SESSION_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The console’s session (`POST /v1/session`); a change made with it also needs its `X-CSRF-Token` header',
        },
        'session',
      )
      .build(),
  );
  const document = cleanupOpenApiDoc(generated, { version: '3.1' });
  markPublicOperations(document);
  addSharedProblems(document);
  return document;
}

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const retryAfter = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
} as const;

/**
 * Answers any `/v1` operation can give, whatever its controller says: 503 when PostgreSQL is away (and
 * Redis, for the few that need it), and for the operations a key or session calls, 429 past its rate limit.
 */
function addSharedProblems(document: OpenAPIObject): void {
  const shared = {
    429: {
      description:
        'This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left.',
      headers: {
        'Retry-After': retryAfter,
        RateLimit: { description: 'What is left in the current window', schema: { type: 'string' } },
        'RateLimit-Policy': { description: 'The limit and its window', schema: { type: 'string' } },
      },
      content: problem,
    },
    503: {
      description:
        'The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After`',
      headers: { 'Retry-After': retryAfter },
      content: problem,
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses;
      if (operation.security?.length !== 0) responses['429'] ??= structuredClone(shared[429]);
      responses['503'] ??= structuredClone(shared[503]);
    }
  }
}

/** An operation that asks for no key says so (`security: []`), rather than leaving tools to guess. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
}
