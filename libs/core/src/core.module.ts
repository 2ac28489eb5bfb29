import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock, SystemClock } from './clock/clock';
import { CONFIG, type Config } from './config/config';
import { openDatabase, type DatabaseHandle } from './database/database';
import { DATABASE_HANDLE, DB } from './database/database.tokens';
import { migrateToLatest } from './database/migrations';
import { LinkSigner, linkSignerProvider } from './links/link-signer';
import { SurveyLinks } from './links/survey-links';
import { UnsubscribeLinks } from './links/unsubscribe-links';
import { SendMetrics } from './metrics/send-metrics';
import { ProviderCircuits } from './queue/provider-circuits';
import { SendRate } from './queue/send-rate';
import { QueueModule } from './queue/queue.module';
import { REDIS, RedisCloser, redisProvider } from './queue/redis.provider';
import { AnalyticsRepository } from './repositories/analytics.repository';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { AuditRepository } from './repositories/audit.repository';
import { ConsoleSessionRepository } from './repositories/console-session.repository';
import { CustomerErasureRepository } from './repositories/customer-erasure.repository';
import { CustomerRepository } from './repositories/customer.repository';
import { BroadcastRepository } from './repositories/broadcast.repository';
import { EnrollmentRequestRepository } from './repositories/enrollment-request.repository';
import { EnrollmentRepository } from './repositories/enrollment.repository';
import { EventRepository } from './repositories/event.repository';
import { JourneyDraftRepository } from './repositories/journey-draft.repository';
import { JourneyOverviewRepository } from './repositories/journey-overview.repository';
import { JourneyRepository } from './repositories/journey.repository';
import { ReportRepository } from './repositories/report.repository';
import { RollupRepository } from './repositories/rollup.repository';
import { SandboxMessageRepository } from './repositories/sandbox-message.repository';
import { ScheduledStepRepository } from './repositories/scheduled-step.repository';
import { SettingRepository } from './repositories/setting.repository';
import { TemplateSampleRepository } from './repositories/template-sample.repository';
import { TestSendRepository } from './repositories/test-send.repository';
import { SurveyAnswerRepository } from './repositories/survey-answer.repository';
import { TouchpointLogRepository } from './repositories/touchpoint-log.repository';
import { TouchpointPartitionRepository } from './repositories/touchpoint-partition.repository';
import { TouchpointRepository } from './repositories/touchpoint.repository';
import { WebhookReceiptRepository } from './repositories/webhook-receipt.repository';

const repositories = [
  ApiKeyRepository,
  AuditRepository,
  BroadcastRepository,
  ConsoleSessionRepository,
  CustomerRepository,
  EnrollmentRepository,
  EnrollmentRequestRepository,
  EventRepository,
  JourneyRepository,
  JourneyDraftRepository,
  JourneyOverviewRepository,
  SandboxMessageRepository,
  ScheduledStepRepository,
  SettingRepository,
  TemplateSampleRepository,
  TestSendRepository,
  TouchpointRepository,
  TouchpointLogRepository,
  TouchpointPartitionRepository,
  WebhookReceiptRepository,
];

/** Analytics, surveys and privacy (issue 5): queries for analysts, survey links, erasure, send metrics. */
const insights = [
  AnalyticsRepository,
  RollupRepository,
  ReportRepository,
  CustomerErasureRepository,
  SurveyAnswerRepository,
  SurveyLinks,
  UnsubscribeLinks,
  SendMetrics,
];

export interface CoreOptions {
  config: Config;
  clock?: Clock;
}

class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_HANDLE) private readonly handle: DatabaseHandle) {}
  async onApplicationShutdown(): Promise<void> {
    await this.handle.close();
  }
}

/** Config, the clock, the database (migrated on open), repositories and queues: what both apps stand on. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [QueueModule],
      providers: [
        { provide: CONFIG, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: DATABASE_HANDLE,
          inject: [CONFIG, SendMetrics],
          useFactory: async (config: Config, metrics: SendMetrics) => {
            const handle = await openDatabase({
              databaseUrl: config.DATABASE_URL,
              dataDir: config.DATA_DIR,
              poolSize: config.DATABASE_POOL_SIZE,
              onStatement: (sql) => metrics.statement(sql),
              onIdleError: (error) =>
                new Logger('Database').warn(
                  { err: error },
                  'the database ended an idle connection (a restart?): it is replaced on the next query',
                ),
            });
            await migrateToLatest(handle.db);
            return handle;
          },
        },
        { provide: DB, inject: [DATABASE_HANDLE], useFactory: (h: DatabaseHandle) => h.db },
        DatabaseCloser,
        redisProvider,
        RedisCloser,
        ProviderCircuits,
        SendRate,
        ...repositories,
        ...insights,
        linkSignerProvider,
      ],
      exports: [
        CONFIG,
        Clock,
        DATABASE_HANDLE,
        DB,
        REDIS,
        ProviderCircuits,
        SendRate,
        QueueModule,
        LinkSigner,
        ...repositories,
        ...insights,
      ],
    };
  }
}
