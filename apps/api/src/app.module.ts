import { BullBoardModule } from '@bull-board/nestjs';
import { ExpressAdapter } from '@bull-board/express';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TemplateRenderer } from '@touchpoint/channels';
import { ALL_QUEUES, CoreModule, type CoreOptions, logTransport } from '@touchpoint/core';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { EntryModule, WorkerModule } from '@touchpoint/worker';
import { AnalyticsModule } from './analytics/analytics.module';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AdminBasicAuthMiddleware } from './auth/admin-basic-auth.middleware';
import { ApiKeyGuard } from './auth/api-key.guard';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { CustomersController } from './customers/customers.controller';
import { BroadcastsService } from './entries/broadcasts.service';
import { EnrollmentsService } from './entries/enrollments.service';
import { JourneyEntriesController } from './entries/journey-entries.controller';
import { EventIngestService } from './events/event-ingest.service';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { JsonBodyMiddleware } from './http/json-body.middleware';
import { ProblemFilter } from './http/problem.filter';
import { BullBoardShards } from './queues/bull-board-shards';
import { JourneyConsoleController } from './journeys/journey-console.controller';
import { JourneyDraftsService } from './journeys/journey-drafts.service';
import { JourneyInsightsService } from './journeys/journey-insights.service';
import { RateLimitGuard } from './http/rate-limit.guard';
import { JourneySimulationService } from './journeys/journey-simulation.service';
import { JourneyService } from './journeys/journey.service';
import { JourneysController } from './journeys/journeys.controller';
import { MetricsController } from './metrics/metrics.controller';
import { SandboxController } from './sandbox/sandbox.controller';
import { ConsoleSessionService } from './session/console-session.service';
import { SessionController } from './session/session.controller';
import { SettingsController } from './settings/settings.controller';
import { TemplatePreviewService } from './templates/template-preview.service';
import { TemplatesController } from './templates/templates.controller';
import { TemplateVariablesService } from './templates/template-variables.service';
import { TestSendService } from './templates/test-send.service';
import { ChannelSettingsService } from './channels/channel-settings.service';
import { testSendRouterProvider } from './channels/test-send-router';
import { TouchpointsController } from './touchpoints/touchpoints.controller';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface AppOptions extends CoreOptions {
  /** Run the worker in this process too (the embedded default, `npm start`). */
  withWorker: boolean;
}

/**
 * pino-http: request ids, no bodies, no query strings (they can hold addresses), no auth headers; coloured
 * lines on a terminal, JSON otherwise (logTransport).
 */
export function loggerModule(config: { NODE_ENV: string; LOG_LEVEL: string }) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      transport: logTransport(config),
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    },
  });
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule(options.config),
        CoreModule.forRoot(options),
        BullBoardModule.forRoot({
          route: '/admin/queues',
          // @bull-board/express pins its own copy of @bull-board/api; the classes are the same at run time.
          adapter: ExpressAdapter as never,
          middleware: AdminBasicAuthMiddleware,
        }),
        ...ALL_QUEUES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
        WebhooksModule,
        AnalyticsModule,
        EntryModule,
        ...(options.withWorker ? [WorkerModule] : []),
      ],
      controllers: [
        ApiKeysController,
        AuditController,
        CustomersController,
        EventsController,
        JourneysController,
        JourneyEntriesController,
        JourneyConsoleController,
        TouchpointsController,
        SandboxController,
        SettingsController,
        SessionController,
        TemplatesController,
        HealthController,
        MetricsController,
      ],
      providers: [
        { provide: TemplateRenderer, useValue: new TemplateRenderer() },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        // After the ApiKeyGuard: it counts per caller.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        ApiKeyGuard,
        ConsoleSessionService,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        EventIngestService,
        EnrollmentsService,
        BroadcastsService,
        JourneyService,
        JourneySimulationService,
        JourneyDraftsService,
        JourneyInsightsService,
        TemplatePreviewService,
        TemplateVariablesService,
        TestSendService,
        testSendRouterProvider,
        ChannelSettingsService,
        BootstrapService,
        BullBoardShards,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes({ path: 'v1/*path', method: RequestMethod.ALL });
  }
}
