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
  return document;
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
