import { Module } from '@nestjs/common';
import { JourneyEntry } from './journey-entry.service';
import { StepScheduler } from './step-scheduler.service';

/**
 * Entry without a trigger event: what both the API (enrollments by id) and the worker (broadcasts, the
 * steps it plans) need to enroll a customer and write its first steps. Needs CoreModule from the app.
 */
@Module({
  providers: [StepScheduler, JourneyEntry],
  exports: [StepScheduler, JourneyEntry],
})
export class EntryModule {}
