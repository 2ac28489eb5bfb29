// The worker as a library: the Nest module that decides due steps, sends and reconciles (run on its own by
// apps/worker, or inside the API process by `npm start`), and what the API shares with it.
export { WorkerModule } from './worker.module';
export { GracefulShutdown, type DrainReport } from './graceful-shutdown';
export { Reconciler, type TickReport } from './reconciler.service';
export { PartitionMaintenance } from './partition-maintenance.service';
export { DueStepService, addressOf, type DueStepOutcome } from './due-step.service';
export { sendProcessorToken, StepsJobProcessor } from './processors';
export { JourneyCatalog, type ActiveJourney } from './journey-catalog.service';
export { FrequencyCaps } from './frequency-caps.service';
export { templateCustomer, templateEvent, toCustomerLike, toEventLike } from './customer-context';
export { callbackUrlsOf, channelRouterProviderFor } from './channel-adapters.provider';
export { EntryModule } from './entry.module';
export {
  JourneyEntry,
  type EntryOutcome,
  type EntryRequest,
  type EntryResult,
} from './journey-entry.service';
export { BroadcastRunner, BROADCAST_CHUNK, type ChunkState } from './broadcast-runner.service';
export { exportPartitions, type ExportedPartition, type PartitionExportOptions } from './partition-export';
