import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { Server } from 'node:http';
import { AppModule, type AppOptions } from './app.module';
import { consoleStatic, defaultConsoleDir } from './console/console-static';
import { buildOpenApiDocument } from './openapi/openapi-document';

/** Builds the HTTP app (and, with `withWorker`, the worker inside it). Used by main.ts and the tests. */
export async function createApp(options: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const trustProxy = options.config.TRUST_PROXY;
  if (trustProxy !== undefined) app.set('trust proxy', trustProxyValue(trustProxy));
  // Before the API's routes: the console's files and its client routes, never an API path.
  app.use(consoleStatic(options.config.CONSOLE_DIR ?? defaultConsoleDir()));
  app.enableShutdownHooks();
  // A slow client (slowloris) cannot hold a socket open by trickling its headers or body.
  const server = app.getHttpServer() as Server;
  server.headersTimeout = options.config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = options.config.HTTP_REQUEST_TIMEOUT_MS;
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, options.config), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  return app;
}

/** `true`, a hop count, or Express's names and CIDRs (`loopback`, `10.0.0.0/8, 127.0.0.1`). */
function trustProxyValue(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
