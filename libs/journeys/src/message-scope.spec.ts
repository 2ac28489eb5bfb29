import { describe, expect, it } from 'vitest';
import { scopeCustomer, scopeEvent, scopeLinks } from './message-scope';

describe('message scope', () => {
  it('should show a template the customer’s details but not their consent', () => {
    const customer = {
      id: 'c-1',
      phone: '+989121234567',
      locale: 'fa-IR',
      attributes: { firstName: 'سارا' },
    };
    expect(scopeCustomer({ ...customer, consent: { sms: true } })).toEqual(customer);
  });

  it('should give the event’s time as ISO text, with its id when it has one', () => {
    const occurredAt = new Date('2026-12-02T10:00:00Z');
    expect(scopeEvent({ id: 'e-1', name: 'cart_left', properties: { total: 3 }, occurredAt })).toEqual({
      id: 'e-1',
      name: 'cart_left',
      properties: { total: 3 },
      occurredAt: '2026-12-02T10:00:00.000Z',
    });
    expect(scopeEvent(undefined)).toBeUndefined();
  });

  it('should offer the survey link only to a journey with a survey', () => {
    const urls = { unsubscribe: 'https://tp.example/u/1', survey: 'https://tp.example/s/1' };
    expect(scopeLinks({}, urls)).toEqual({ unsubscribe: { url: urls.unsubscribe } });
    expect(scopeLinks({ survey: { question: 'How likely?', scale: 'nps' } }, urls)).toEqual({
      unsubscribe: { url: urls.unsubscribe },
      survey: { url: urls.survey },
    });
  });
});
