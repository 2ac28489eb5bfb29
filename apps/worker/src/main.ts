import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@touchpoint/core';
import { Logger } from 'nestjs-pino';
import { WorkerAppModule } from './worker-app.module';

/** `npm run start:worker`: run as many as you like against one PostgreSQL and one Redis. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new Error(
      'npm run start:worker needs DATABASE_URL: the embedded database allows one process (use `npm start`).',
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot({ config }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  console.log('Touchpoint worker running');
}

main().catch((error: unknown) => {
  console.error(
    `Touchpoint worker could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
