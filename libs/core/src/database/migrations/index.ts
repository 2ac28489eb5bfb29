import type { Migration } from 'kysely';
import { foundation } from './0001_foundation';
import { channels } from './0002_channels';
import { engine } from './0003_engine';
import { analytics } from './0004_analytics';
import { stepVisits } from './0005_step_visits';
import { coveringIndexes } from './0006_covering_indexes';
import { neverTwice } from './0007_never_twice';
import { consoleTables } from './0008_console';
import { auditKeys } from './0009_audit_keys';
import { outages } from './0010_outages';
import { rollups } from './0011_rollups';
import { conversions } from './0012_conversions';
import { entries } from './0013_entries';
import { stepOutcomes } from './0014_step_outcomes';
import { lastInbound } from './0015_last_inbound';
import { enrollmentConversions } from './0017_enrollment_conversions';
import { answers } from './0018_answers';
import { partitions } from './0019_partitions';
import { waitingSteps } from './0020_waiting_steps';

/**
 * Every migration, by name; names sort in the order they run. Add one file per migration
 * (`000N_what.ts`) and one line here; never edit one that has shipped.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_channels': channels,
  '0003_engine': engine,
  '0004_analytics': analytics,
  '0005_step_visits': stepVisits,
  '0006_covering_indexes': coveringIndexes,
  '0007_never_twice': neverTwice,
  '0008_console': consoleTables,
  '0009_audit_keys': auditKeys,
  '0010_outages': outages,
  '0011_rollups': rollups,
  '0012_conversions': conversions,
  '0013_entries': entries,
  '0014_step_outcomes': stepOutcomes,
  '0015_last_inbound': lastInbound,
  '0017_enrollment_conversions': enrollmentConversions,
  '0018_answers': answers,
  '0019_partitions': partitions,
  '0020_waiting_steps': waitingSteps,
};
