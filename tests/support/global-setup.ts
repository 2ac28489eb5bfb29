import { Client } from 'pg';

/** Fails the run early, with one clear line, when the services the suites need are not there. */
export default async function setup(): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminDatabaseUrl()} (${(error as Error).message}); run \`node scripts/services.mjs\` or \`npm test\`.`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}
