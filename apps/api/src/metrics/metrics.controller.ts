import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  channelLabel,
  ProviderCircuits,
  QueueGateway,
  SendMetrics,
  TouchpointLogRepository,
} from '@touchpoint/core';
import { Gauge, type Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';

/**
 * Prometheus text. Figures come from PostgreSQL and BullMQ at scrape time, so every process reports the same;
 * send latency and provider errors are observed by the sending code in this process (SendMetrics' registry).
 */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  private readonly registry: Registry;

  constructor(
    touchpoints: TouchpointLogRepository,
    queue: QueueGateway,
    metrics: SendMetrics,
    circuits: ProviderCircuits,
  ) {
    this.registry = metrics.registry;
    new Gauge({
      name: 'touchpoint_touchpoints',
      help: 'Touchpoints by channel and status',
      labelNames: ['channel', 'status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await touchpoints.countByStatus()) {
          this.set({ channel: channelLabel(row.channel), status: row.status }, row.n);
        }
      },
    });
    new Gauge({
      name: 'touchpoint_unknown_sends',
      help: 'Touchpoints whose send was in doubt and the provider could not settle: it may or may not have them',
      registers: [this.registry],
      async collect() {
        const rows = await touchpoints.countByStatus();
        this.set(rows.filter((r) => r.status === 'unknown').reduce((n, r) => n + r.n, 0));
      },
    });
    new Gauge({
      name: 'touchpoint_provider_circuit_open',
      help: 'Providers whose circuit is open after consecutive transient failures (1): their messages wait for a probe to succeed',
      labelNames: ['provider'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const circuit of await circuits.open().catch(() => [])) {
          this.set({ provider: circuit.provider }, 1);
        }
      },
    });
    new Gauge({
      name: 'touchpoint_queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        // Nothing while Redis is away (a scrape must not hang): /health says why.
        for (const { queue: name, counts } of await queue.jobCounts(
          'waiting',
          'active',
          'delayed',
          'failed',
          'prioritized',
        )) {
          for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
        }
      },
    });
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Prometheus metrics: touchpoints, queues, sends, the process' })
  @ApiResponse({
    status: 200,
    description: 'The Prometheus text exposition format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
