import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, CHANNELS, templateFieldsSummary, type TemplateFieldSpec } from './channels';
import { consentSchema } from './consent.schema';
import { sendStepSchema } from './step';

const fieldsOf = (channel: (typeof CHANNEL_NAMES)[number]) =>
  Object.entries(CHANNELS[channel].templateFields as Record<string, TemplateFieldSpec>);

describe('the channel registry', () => {
  it('should give every channel its own queue, rate-limit variable, consent key and metrics label', () => {
    for (const fact of ['queue', 'consentKey', 'metricsLabel'] as const) {
      const values = CHANNEL_NAMES.map((channel) => CHANNELS[channel][fact]);
      expect(new Set(values).size, fact).toBe(CHANNEL_NAMES.length);
    }
    const envs = CHANNEL_NAMES.map((channel) => CHANNELS[channel].rateLimit.env);
    expect(new Set(envs).size).toBe(CHANNEL_NAMES.length);
  });

  it('should accept a send step on every channel with its required template fields, and no other channel', () => {
    for (const channel of CHANNEL_NAMES) {
      const required = fieldsOf(channel).filter(([, spec]) => spec.required);
      const template = Object.fromEntries(required.map(([name]) => [name, 'x']));
      expect(sendStepSchema.safeParse({ id: 's', type: 'send', channel, template }).success, channel).toBe(
        true,
      );
    }
    const fax = { id: 's', type: 'send', channel: 'fax', template: { body: 'x' } };
    expect(sendStepSchema.safeParse(fax).success).toBe(false);
  });

  it('should refuse a template that misses a required field', () => {
    const step = { id: 's', type: 'send', channel: 'email', template: { subject: 'Hi' } };
    const result = sendStepSchema.safeParse(step);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('template.html');
  });

  it('should take consent under each consent key and nothing else', () => {
    const consent = Object.fromEntries(CHANNEL_NAMES.map((channel) => [CHANNELS[channel].consentKey, true]));
    expect(consentSchema.strict().parse(consent)).toEqual(consent);
    expect(consentSchema.strict().safeParse({ fax: true }).success).toBe(false);
  });

  it('should summarise the template fields, optional ones marked', () => {
    expect(templateFieldsSummary()).toContain('email { subject, html, text? }');
  });
});
