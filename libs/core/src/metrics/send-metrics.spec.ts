import { describe, expect, it } from 'vitest';
import { SendMetrics } from './send-metrics';

describe(SendMetrics.name, () => {
  it('should observe the time from due to accepted in seconds, never negative', async () => {
    const sut = new SendMetrics();
    const due = new Date('2026-11-22T09:30:00Z');
    sut.accepted('sms', 'twilio', due, new Date(due.getTime() + 1_500));
    sut.accepted('sms', 'twilio', due, new Date(due.getTime() - 200));
    sut.accepted('sms', 'twilio', null, due);
    const text = await sut.registry.metrics();
    expect(text).toContain('touchpoint_send_latency_seconds_count{channel="sms",provider="twilio"} 2');
    expect(text).toContain('touchpoint_send_latency_seconds_sum{channel="sms",provider="twilio"} 1.5');
    expect(text).toContain(
      'touchpoint_send_latency_seconds_bucket{le="1",channel="sms",provider="twilio"} 1',
    );
  });

  it('should count provider errors by code and kind', async () => {
    const sut = new SendMetrics();
    sut.providerError('sms', 'twilio', '30003', 'permanent');
    sut.providerError('sms', 'twilio', '30003', 'permanent');
    sut.providerError('email', 'sendgrid', 'http_503', 'transient');
    const text = await sut.registry.metrics();
    expect(text).toContain(
      'touchpoint_provider_errors_total{channel="sms",provider="twilio",code="30003",kind="permanent"} 2',
    );
    expect(text).toContain(
      'touchpoint_provider_errors_total{channel="email",provider="sendgrid",code="http_503",kind="transient"} 1',
    );
  });

  it('should count SQL statements by their first keyword, anything unusual as other', async () => {
    const sut = new SendMetrics();
    for (const sql of [
      'begin',
      'select 1',
      '  SELECT 2',
      'with x as (select 1) update t set a = 1',
      'commit',
      'vacuum',
    ]) {
      sut.statement(sql);
    }
    const text = await sut.registry.metrics();
    expect(text).toContain('touchpoint_database_statements_total{kind="select"} 2');
    expect(text).toContain('touchpoint_database_statements_total{kind="with"} 1');
    expect(text).toContain('touchpoint_database_statements_total{kind="begin"} 1');
    expect(text).toContain('touchpoint_database_statements_total{kind="other"} 1');
  });
});
