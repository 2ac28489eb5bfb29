import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/** User + system CPU time of a process so far, from /proc (0 when it is gone or this is not Linux). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / 100;
  } catch {
    return 0;
  }
}

/** SQL statements a process ran, by kind, from its /metrics (`touchpoint_database_statements_total`). */
export async function statementsOf(metricsUrl: string): Promise<Record<string, number>> {
  const text = await fetch(metricsUrl).then((r) => r.text());
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/^touchpoint_database_statements_total\{kind="(\w+)"\} (\d+)/gm)) {
    counts[m[1]] = Number(m[2]);
  }
  return counts;
}

export interface CountedProcesses {
  workers: { pid: number; metricsUrl?: string }[];
  api?: { pid: number; metricsUrl: string };
  redisPid?: number;
}

/**
 * PostgreSQL transactions, statements and rows, Redis commands, CPU by process: how much work one message
 * costs, whatever its speed on a shared machine.
 */
export class WorkCounters {
  private before?: Record<string, number>;
  constructor(
    private readonly db: Client,
    private readonly redisUrl: string,
    private readonly processes: () => CountedProcesses,
  ) {}

  private async read(): Promise<Record<string, number>> {
    const pg = await this.db.query<Record<string, string>>(
      `select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_returned + tup_fetched as tup_read
         from pg_stat_database where datname = current_database()`,
    );
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    const stats = await redis.info('stats');
    const commandStats = await redis.info('commandstats');
    await redis.quit();
    const backends = await this.db.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    const scans = await this.db.query<{ relname: string; seq_tup_read: string }>(
      `select relname, seq_tup_read from pg_stat_user_tables where seq_tup_read > 0`,
    );
    const indexes = await this.db.query<{ indexrelname: string; idx_tup_read: string }>(
      `select indexrelname, idx_tup_read from pg_stat_user_indexes where idx_tup_read > 0`,
    );
    const { workers, api, redisPid } = this.processes();
    const statements: Record<string, number> = {};
    for (const url of [api?.metricsUrl, ...workers.map((w) => w.metricsUrl)]) {
      if (!url) continue;
      for (const [kind, n] of Object.entries(await statementsOf(url).catch(() => ({})))) {
        statements[`sql_${kind}`] = (statements[`sql_${kind}`] ?? 0) + n;
        statements.sql_statements = (statements.sql_statements ?? 0) + n;
      }
    }
    const cpu = (pids: (number | undefined)[]) => pids.reduce<number>((ms, pid) => ms + cpuMs(pid), 0);
    return {
      ...Object.fromEntries(Object.entries(pg.rows[0]).map(([k, v]) => [k, Number(v)])),
      ...statements,
      redis_commands: Number(/total_commands_processed:(\d+)/.exec(stats)?.[1] ?? 0),
      ...Object.fromEntries(
        [...commandStats.matchAll(/cmdstat_(\w+):calls=(\d+)/g)]
          .filter((m) => Number(m[2]) > 10_000)
          .map((m) => [`redis_${m[1]}`, Number(m[2])]),
      ),
      // Rows read by sequential scans, by table: a hot-path query without its index shows up here.
      ...Object.fromEntries(scans.rows.map((r) => [`seq_rows_${r.relname}`, Number(r.seq_tup_read)])),
      ...Object.fromEntries(
        indexes.rows.map((r) => [`index_rows_${r.indexrelname}`, Number(r.idx_tup_read)]),
      ),
      // CPU milliseconds by process: the real cost, whatever the other processes on the machine do.
      cpu_ms_workers: cpu(workers.map((w) => w.pid)),
      cpu_ms_api: cpu([api?.pid]),
      cpu_ms_postgres: cpu(backends.rows.map((r) => r.pid)),
      cpu_ms_redis: cpu([redisPid]),
      cpu_ms_bench_and_fake: cpu([process.pid]),
    };
  }

  async start(): Promise<void> {
    this.before = await this.read();
  }

  /** Per message since start(); pg_stat_database lags by up to its flush interval, so read it after a pause. */
  async perMessage(messages: number): Promise<Record<string, number>> {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await this.read();
    return Object.fromEntries(
      Object.entries(now).map(([k, v]) => [
        k,
        Number(((v - (this.before?.[k] ?? 0)) / Math.max(1, messages)).toFixed(2)),
      ]),
    );
  }
}

export const describeWork = (work: Record<string, number>) =>
  Object.entries(work)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
