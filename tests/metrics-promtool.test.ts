import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerAppModule } from '../apps/worker/src/worker-app.module';
import { startWorkerHttp, type WorkerHttp } from '../apps/worker/src/worker-http';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

/** Prometheus' own linter over an exposition: its complaints, one a line ('' when clean). */
function promtool(exposition: string): { status: number | null; problems: string } {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if (run.error) {
    throw new Error(`promtool: ${run.error.message} (npm test installs it: scripts/services.mjs)`);
  }
  return { status: run.status, problems: `${run.stdout}${run.stderr}`.trim() };
}

describe('/metrics by Prometheus conventions', () => {
  let tp: TouchpointHarness;
  let worker: INestApplicationContext;
  let workerHttp: WorkerHttp;

  beforeAll(async () => {
    // The API alone, and a worker as `npm run start:worker` runs it, with WORKER_HTTP_PORT.
    tp = await TouchpointHarness.start({ withWorker: false });
    worker = await NestFactory.createApplicationContext(WorkerAppModule.forRoot({ config: tp.config }), {
      logger: false,
    });
    await worker.init();
    workerHttp = await startWorkerHttp(worker, 0);

    // One message sent through the sandbox, so the figures carry labelled samples, not only headers.
    const journey = await tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Metrics welcome',
      stage: 'awareness',
      trigger: { event: 'signed_up' },
      steps: [{ id: 'hello', type: 'send', channel: 'sms', template: { body: 'Welcome' } }],
    });
    expect(journey.status).toBe(201);
    await tp.request('PUT', '/v1/customers/m-1', { phone: '+989121234567', consent: { sms: true } });
    await tp.request('POST', '/v1/events', { customerId: 'm-1', name: 'signed_up' });
    await waitFor('the welcome SMS to be sent', async () => {
      const res = await tp.request<{ items: { status: string }[] }>('GET', '/v1/customers/m-1/touchpoints');
      return res.body.items.some((t) => t.status === 'sent');
    });
  });
  afterAll(async () => {
    await workerHttp?.close();
    await worker?.close();
    await tp?.close();
  });

  it("should pass promtool check metrics on the API's /metrics", async () => {
    const text = await (await fetch(`${tp.url}/metrics`)).text();
    expect(text).toMatch(/^touchpoint_touchpoints\{channel="sms",status="sent"\} 1$/m);
    expect(promtool(text)).toEqual({ status: 0, problems: '' });
  });

  it("should pass promtool check metrics on a worker's /metrics", async () => {
    const text = await (await fetch(`http://127.0.0.1:${workerHttp.port}/metrics`)).text();
    expect(text).toMatch(/^touchpoint_send_latency_seconds_count\{channel="sms",provider="sandbox"\} 1$/m);
    expect(promtool(text)).toEqual({ status: 0, problems: '' });
  });

  it('should have promtool refuse a gauge named _total, so a clean run means something', () => {
    const bad =
      '# HELP touchpoint_things_total Things\n# TYPE touchpoint_things_total gauge\ntouchpoint_things_total 1\n';
    expect(promtool(bad).problems).toContain('non-counter metrics should not have "_total" suffix');
  });
});
