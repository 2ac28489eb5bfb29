import { Injectable } from '@nestjs/common';
import { CHANNELS, isChannel } from '@touchpoint/journeys';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const STATEMENT_KINDS = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'with',
  'begin',
  'commit',
  'rollback',
]);

/**
 * The Prometheus registry of this process, and the figures only the sending code can observe: how long a
 * message took from due to accepted by the provider, and the provider errors by code. `/metrics` serves
 * this registry; in the embedded default the worker runs in the same process, so it shows them too.
 */
@Injectable()
export class SendMetrics {
  readonly registry = new Registry();

  readonly sendLatency = new Histogram({
    name: 'touchpoint_send_latency_seconds',
    help: 'From the moment a message was due to the provider accepting it',
    labelNames: ['channel', 'provider'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  readonly providerErrors = new Counter({
    name: 'touchpoint_provider_errors_total',
    help: 'Provider errors by channel, provider, code and kind (transient errors are retried, in_doubt ones settled)',
    labelNames: ['channel', 'provider', 'code', 'kind'] as const,
    registers: [this.registry],
  });

  readonly databaseStatements = new Counter({
    name: 'touchpoint_database_statements_total',
    help: 'SQL statements this process ran, by their first keyword (begin and commit count as statements)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly settledSends = new Counter({
    name: 'touchpoint_settled_sends_total',
    help: 'Sends whose provider answer was lost, by how they were settled: sent (the provider had it), not_taken (sent again, once), unknown',
    labelNames: ['channel', 'provider', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Node's own figures (CPU, memory, event loop lag, GC) as `touchpoint_process_*` and `touchpoint_nodejs_*`.
    collectDefaultMetrics({ register: this.registry, prefix: 'touchpoint_' });
    // Gauges named `_total` break Prometheus' naming rules (`_total` is for counters), and each is only
    // the sum of the gauge of the same name without it, by type.
    for (const kind of ['handles', 'requests', 'resources']) {
      this.registry.removeSingleMetric(`touchpoint_nodejs_active_${kind}_total`);
    }
  }

  /** A message the provider accepted at `acceptedAt`, due at `dueAt` (its scheduled time, after any quiet-hours hold). */
  accepted(channel: string, provider: string, dueAt: Date | null, acceptedAt: Date): void {
    if (!dueAt) return;
    this.sendLatency.observe(
      { channel: channelLabel(channel), provider },
      Math.max(0, acceptedAt.getTime() - dueAt.getTime()) / 1000,
    );
  }

  /** One statement ran: counted by its first keyword (select, insert, update, delete, begin, commit, ...). */
  statement(sql: string): void {
    const kind = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'other';
    this.databaseStatements.inc({ kind: STATEMENT_KINDS.has(kind) ? kind : 'other' });
  }

  providerError(
    channel: string,
    provider: string,
    code: string,
    kind: 'transient' | 'permanent' | 'in_doubt',
  ): void {
    this.providerErrors.inc({ channel: channelLabel(channel), provider, code, kind });
  }

  settled(channel: string, provider: string, outcome: 'sent' | 'not_taken' | 'unknown'): void {
    this.settledSends.inc({ channel: channelLabel(channel), provider, outcome });
  }
}

/** A channel's `channel` label, as the channel registry names it. */
export function channelLabel(channel: string): string {
  return isChannel(channel) ? CHANNELS[channel].metricsLabel : channel;
}
