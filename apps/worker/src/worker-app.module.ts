import { type DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type CoreOptions, logTransport } from '@touchpoint/core';
import { LoggerModule } from 'nestjs-pino';
import { WorkerModule } from '@touchpoint/worker';

/** The worker as its own process: no HTTP, just processors and the scheduler tick. */
@Module({})
export class WorkerAppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: options.config.LOG_LEVEL, transport: logTransport(options.config) },
        }),
        CoreModule.forRoot(options),
        WorkerModule,
      ],
    };
  }
}
