import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TemplateRenderer } from '@touchpoint/channels';
import { CHANNEL_NAMES } from '@touchpoint/journeys';
import { channelRouterProvider } from './channel-adapters.provider';
import { BroadcastRunner } from './broadcast-runner.service';
import { DueStepBatcher } from './due-step-batcher';
import { DueStepService } from './due-step.service';
import { EventProcessor } from './event-processor.service';
import { FrequencyCaps } from './frequency-caps.service';
import { GracefulShutdown } from './graceful-shutdown';
import { JourneyCatalog } from './journey-catalog.service';
import { EventsJobProcessor, sendProcessorProvider, StepsJobProcessor } from './processors';
import { PartitionMaintenance } from './partition-maintenance.service';
import { Reconciler } from './reconciler.service';
import { RollupFolder } from './rollup-folder.service';
import { SendDispatcher } from './send-dispatcher.service';
import { SendService } from './send.service';
import { SendSettler } from './send-settler.service';
import { ShardWorkers } from './shard-workers';
import { EntryModule } from './entry.module';
import { WebhookSteps } from './webhook-steps.service';

/** The worker: BullMQ processors and the scheduler tick. Needs CoreModule from the app that hosts it. */
@Module({
  imports: [ScheduleModule.forRoot(), DiscoveryModule, EntryModule],
  providers: [
    { provide: TemplateRenderer, useValue: new TemplateRenderer() },
    channelRouterProvider,
    JourneyCatalog,
    FrequencyCaps,
    EventProcessor,
    WebhookSteps,
    DueStepService,
    DueStepBatcher,
    SendService,
    SendDispatcher,
    SendSettler,
    Reconciler,
    RollupFolder,
    PartitionMaintenance,
    BroadcastRunner,
    GracefulShutdown,
    EventsJobProcessor,
    StepsJobProcessor,
    ...CHANNEL_NAMES.map(sendProcessorProvider),
    ShardWorkers,
  ],
  exports: [
    GracefulShutdown,
    PartitionMaintenance,
    JourneyCatalog,
    FrequencyCaps,
    Reconciler,
    EventProcessor,
    DueStepService,
    SendService,
    BroadcastRunner,
  ],
})
export class WorkerModule {}
