import { describe, expect, it } from 'vitest';
import { smsConsentReply, twilioDeliveryStatus } from './twilio-status';

describe(twilioDeliveryStatus.name, () => {
  it('should map Twilio’s message statuses to ours', () => {
    expect(twilioDeliveryStatus('queued')).toBe('sent');
    expect(twilioDeliveryStatus('accepted')).toBe('sent');
    expect(twilioDeliveryStatus('sending')).toBe('sent');
    expect(twilioDeliveryStatus('sent')).toBe('sent');
    expect(twilioDeliveryStatus('delivered')).toBe('delivered');
    expect(twilioDeliveryStatus('read')).toBe('opened');
    expect(twilioDeliveryStatus('undelivered')).toBe('failed');
    expect(twilioDeliveryStatus('failed')).toBe('failed');
  });

  it('should say nothing for statuses that are not about delivery', () => {
    for (const status of ['received', 'receiving', 'canceled', 'partially_delivered', '', undefined]) {
      expect(twilioDeliveryStatus(status)).toBeUndefined();
    }
  });
});

describe(smsConsentReply.name, () => {
  it('should read Twilio’s opt-out keywords, whatever the case and surrounding spaces or punctuation', () => {
    for (const body of [
      'STOP',
      'stop',
      ' Stop. ',
      'STOPALL',
      'unsubscribe',
      'CANCEL',
      'End',
      'QUIT',
      'stop!',
    ]) {
      expect(smsConsentReply(body), body).toBe('opt_out');
    }
  });

  it('should read START, UNSTOP and YES as opting back in', () => {
    for (const body of ['START', 'start', 'UNSTOP', 'Yes']) {
      expect(smsConsentReply(body), body).toBe('opt_in');
    }
  });

  it('should ignore a keyword inside an ordinary message', () => {
    for (const body of ['please stop by tomorrow', 'STOP IT', 'Can I cancel my order?', '', undefined]) {
      expect(smsConsentReply(body), String(body)).toBeUndefined();
    }
  });

  it('should trust Twilio’s OptOutType when Advanced Opt-Out already matched a custom keyword', () => {
    expect(smsConsentReply('ARRET', 'STOP')).toBe('opt_out');
    expect(smsConsentReply('REPRENDRE', 'START')).toBe('opt_in');
    expect(smsConsentReply('AIDE', 'HELP')).toBeUndefined();
  });
});
