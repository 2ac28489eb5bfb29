import { randomBytes } from 'node:crypto';
import { migrateToLatest, openDatabase } from '@touchpoint/core';
import { CompiledQuery } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FakeTwilio } from '../tests/fakes/fake-twilio';
import { freePort, ServiceProcess } from '../tests/support/process-stack';
import * as bench from './bench-http';
import { tally, waitForCohort } from './sms-tally';
import { describeWork, cpuMs, statementsOf } from './work-counters';

export interface EmbeddedOptions {
  buildDir: string;
  redisUrl: string;
  fake: FakeTwilio;
  env: Record<string, string>;
  customers: number;
  stallMs: number;
  nodeArgs: string[];
  onLine: (line: string) => void;
  progress: (line: string) => void;
  started: ServiceProcess[];
}

export interface EmbeddedResult {
  sendsPerS: number;
  /** The longest time between two SMS at the fake once sending began: a stall of the one process. */
  longestGapMs: number;
  /** Provider calls that failed (the embedded default once failed sends as "network" while busy). */
  providerErrors: number;
  lost: number;
  duplicated: number;
}

/**
 * The embedded default, `npm start`'s shape (one process: API and worker, PGlite under DATA_DIR), under the
 * same burst. PGlite allows one connection, so the customers are seeded before the process opens it.
 */
export async function embeddedBurst(o: EmbeddedOptions): Promise<EmbeddedResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-bench-embedded-'));
  try {
    const handle = await openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    await bench.seedCustomers(
      (text, params) => handle.db.executeQuery(CompiledQuery.raw(text, params)),
      'e',
      o.customers,
    );
    await handle.close();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const app = ServiceProcess.spawnScript(
      'embedded',
      path.join('apps', 'api', 'src', 'main.js'),
      {
        buildDir: o.buildDir,
        env: {
          ...o.env,
          DATA_DIR: dataDir,
          PORT: String(port),
          PUBLIC_BASE_URL: url,
          QUEUE_PREFIX: `{tp-bench-embedded-${randomBytes(3).toString('hex')}}`,
          LOAD_DEMO_JOURNEYS: 'false',
        },
        nodeArgs: o.nodeArgs,
        onLine: o.onLine,
      },
      ['--with-worker'],
    );
    o.started.push(app);
    await app.waitForHttp(`${url}/health`, bench.START_TIMEOUT_MS);
    const http = new bench.BenchHttp(url, o.env.ADMIN_API_KEY);
    await http.createJourney(bench.cartJourney());
    const metrics = `${url}/metrics`;
    const statementsBefore = await statementsOf(metrics);
    const cpuBefore = cpuMs(app.pid);
    o.progress(`embedded: ${o.customers} carts abandoned, one process with PGlite`);
    const ingest = await bench.postEvents(http, 'e', 'cart_abandoned', o.customers, 4);
    o.progress(`embedded ingest: ${ingest.perS.toFixed(0)} events/s`);
    await waitForCohort(o.fake, 'e', o.customers, o.stallMs, o.progress);
    const result = tally(o.fake, 'e', o.customers);
    const times = result.messages.map((m) => m.receivedAt).sort((a, b) => a - b);
    let longestGapMs = 0;
    for (let i = 1; i < times.length; i++) longestGapMs = Math.max(longestGapMs, times[i] - times[i - 1]);
    const text = await fetch(metrics).then((r) => r.text());
    const providerErrors = [...text.matchAll(/^touchpoint_provider_errors_total\{[^}]*\} (\d+)/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    const byStatus = [...text.matchAll(/^touchpoint_touchpoints\{channel="sms",status="(\w+)"\} (\d+)/gm)]
      .map((m) => `${m[1]} ${m[2]}`)
      .join(', ');
    o.progress(`embedded touchpoints: ${byStatus}`);
    const statements = await statementsOf(metrics);
    const sent = Math.max(1, result.messages.length);
    const since = (kind: string) => (statements[kind] ?? 0) - (statementsBefore[kind] ?? 0);
    o.progress(
      `embedded work per message: ${describeWork({
        sql_statements: Object.keys(statements).reduce((n, kind) => n + since(kind), 0) / sent,
        sql_begin: since('begin') / sent,
        cpu_ms_process: (cpuMs(app.pid) - cpuBefore) / sent,
      })}`,
    );
    await app.stop(15_000);
    const sendsPerS =
      result.messages.length /
      Math.max(0.001, (result.lastAt - ingest.startedAt - bench.CART_WAIT_MS) / 1_000);
    return {
      sendsPerS,
      longestGapMs,
      providerErrors,
      lost: result.lost,
      duplicated: result.duplicated,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
