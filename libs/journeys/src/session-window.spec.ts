import { describe, expect, it } from 'vitest';
import { sessionDecision } from './session-window';

const now = new Date('2026-12-03T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const template = {
  body: 'Hi',
  contentSid: 'HX1',
  contentVariables: { '1': 'x' },
  locales: { fa: { body: 'سلام', contentSid: 'HX2' } },
};

describe('sessionDecision', () => {
  it('should send the free-form fields within the window, the content template left out', () => {
    expect(sessionDecision({ channel: 'whatsapp', template, lastInboundAt: hoursAgo(23.9), now })).toEqual({
      ok: true,
      template: { body: 'Hi', locales: { fa: { body: 'سلام' } } },
    });
  });

  it('should keep the content template outside the window, and suppress a step without one', () => {
    expect(sessionDecision({ channel: 'whatsapp', template, lastInboundAt: hoursAgo(24), now })).toEqual({
      ok: true,
      template,
    });
    const closed = sessionDecision({
      channel: 'whatsapp',
      template: { body: 'Hi' },
      lastInboundAt: null,
      now,
    });
    expect(closed).toMatchObject({ ok: false, code: 'outside_session_window' });
  });

  it('should leave a channel without a window alone', () => {
    const sms = { body: 'Hi' };
    expect(sessionDecision({ channel: 'sms', template: sms, lastInboundAt: null, now })).toEqual({
      ok: true,
      template: sms,
    });
  });
});
