import { Kysely, Migration, MigrationProvider, Migrator, sql } from 'kysely';

/** Each migration is a list of statements: PGlite's extended protocol runs one statement per query. */
const statements = (list: string[]): Migration => ({
  async up(db: Kysely<unknown>) {
    for (const statement of list) await sql.raw(statement).execute(db);
  },
});

const migrations: Record<string, Migration> = {
  '0001_foundation': statements([
    `create table api_keys (
       id uuid primary key,
       name text not null,
       role text not null check (role in ('admin', 'marketer', 'analyst', 'ingest')),
       key_hash text not null unique,
       created_at timestamptz not null,
       revoked_at timestamptz)`,
    `create table customers (
       id text primary key,
       email text,
       phone text,
       push_subscriptions jsonb not null default '[]',
       locale text,
       timezone text,
       attributes jsonb not null default '{}',
       consent jsonb not null default '{}',
       created_at timestamptz not null,
       updated_at timestamptz not null)`,
    `create table events (
       id text primary key,
       customer_id text not null,
       name text not null,
       properties jsonb not null default '{}',
       occurred_at timestamptz not null,
       received_at timestamptz not null,
       processed_at timestamptz)`,
    `create index events_unprocessed on events (received_at) where processed_at is null`,
    `create index events_customer on events (customer_id, occurred_at)`,
    `create table journeys (
       id uuid primary key,
       name text not null,
       status text not null check (status in ('active', 'paused', 'archived')),
       version int not null,
       created_at timestamptz not null,
       updated_at timestamptz not null)`,
    // Marketers tell journeys apart by name: two live journeys may not share one.
    `create unique index journeys_live_name on journeys (lower(name)) where status <> 'archived'`,
    `create table journey_versions (
       journey_id uuid not null references journeys (id),
       version int not null,
       definition jsonb not null,
       trigger_event text not null,
       exit_on text[] not null default '{}',
       created_at timestamptz not null,
       created_by text not null,
       primary key (journey_id, version))`,
    `create index journey_versions_trigger on journey_versions (trigger_event)`,
    `create table journey_changes (
       id bigserial primary key,
       journey_id uuid not null references journeys (id),
       version int not null,
       action text not null,
       actor text not null,
       at timestamptz not null)`,
    `create index journey_changes_journey on journey_changes (journey_id, id)`,
    `create table enrollments (
       id uuid primary key,
       journey_id uuid not null references journeys (id),
       journey_version int not null,
       customer_id text not null,
       status text not null check (status in ('active', 'completed', 'exited', 'holdout')),
       trigger_event_id text,
       variant text,
       enrolled_at timestamptz not null,
       ended_at timestamptz,
       end_reason text)`,
    // At most one running enrollment per customer and journey: two workers cannot enroll twice.
    `create unique index enrollments_one_active on enrollments (journey_id, customer_id) where status = 'active'`,
    `create index enrollments_customer on enrollments (customer_id, journey_id)`,
    `create table scheduled_steps (
       id uuid primary key,
       enrollment_id uuid not null references enrollments (id),
       step_id text not null,
       due_at timestamptz not null,
       status text not null check (status in ('waiting', 'queued', 'done', 'cancelled')),
       queued_at timestamptz,
       created_at timestamptz not null,
       updated_at timestamptz not null,
       unique (enrollment_id, step_id))`,
    `create index scheduled_steps_pending on scheduled_steps (due_at) where status in ('waiting', 'queued')`,
    `create table touchpoints (
       id uuid primary key,
       enrollment_id uuid references enrollments (id),
       step_id text,
       customer_id text not null,
       journey_id uuid,
       journey_version int,
       stage text,
       channel text not null,
       status text not null,
       "to" text,
       provider text,
       provider_message_id text,
       rendered jsonb,
       details jsonb,
       scheduled_for timestamptz,
       queued_at timestamptz,
       sent_at timestamptz,
       delivered_at timestamptz,
       error text,
       error_message text,
       score int,
       comment text,
       created_at timestamptz not null,
       updated_at timestamptz not null,
       unique (enrollment_id, step_id))`,
    `create index touchpoints_newest on touchpoints (created_at desc, id desc)`,
    `create index touchpoints_customer on touchpoints (customer_id, created_at)`,
    `create index touchpoints_journey on touchpoints (journey_id, created_at desc, id desc)`,
    `create index touchpoints_provider_message on touchpoints (provider_message_id) where provider_message_id is not null`,
    `create index touchpoints_in_flight on touchpoints (updated_at) where status in ('scheduled', 'sending') and rendered is not null`,
    `create table touchpoint_events (
       id bigserial primary key,
       touchpoint_id uuid not null references touchpoints (id),
       status text not null,
       at timestamptz not null,
       detail jsonb)`,
    `create index touchpoint_events_touchpoint on touchpoint_events (touchpoint_id, id)`,
    `create table sandbox_messages (
       id bigserial primary key,
       channel text not null,
       "to" text not null,
       subject text,
       body text not null,
       html text,
       touchpoint_id uuid not null,
       at timestamptz not null)`,
    `create index sandbox_messages_newest on sandbox_messages (id desc)`,
    `create table settings (key text primary key, value jsonb not null, updated_at timestamptz not null)`,
  ]),
};

class InCodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Brings the schema up to date; safe to run from several processes at once (Kysely takes a lock). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrations(),
    migrationTableName: 'schema_migrations',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
