import { describe, expect, it } from 'vitest';
import { toDoc } from './document';
import { fieldProblems, placeProblem, validateDoc } from './validation';

describe('error-to-node mapping', () => {
  it('should place a step problem on its node and field', () => {
    expect(placeProblem({ path: 'steps.2.template.locales.fa.body', message: 'x', code: 'C' })).toMatchObject(
      {
        node: 'step-2',
        field: 'template.locales.fa.body',
      },
    );
    expect(placeProblem({ path: 'steps.0', message: 'x', code: 'C' })).toMatchObject({
      node: 'step-0',
      field: '',
    });
  });

  it('should place journey-level problems on the entry node', () => {
    expect(placeProblem({ path: 'trigger.event', message: 'x', code: 'C' })).toMatchObject({
      node: 'entry',
      field: 'trigger.event',
    });
    expect(placeProblem({ path: 'quietHours.end', message: 'x', code: 'C' }).node).toBe('entry');
  });

  it('should flag a bad duration on its node, from the same checks the API runs', () => {
    const { byNode } = validateDoc(
      toDoc({
        name: 'Cart',
        stage: 'decision',
        trigger: { event: 'cart_abandoned' },
        steps: [
          { id: 'wait', type: 'wait', duration: '3 dayz' },
          { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' }, next: 'gone' },
        ],
      }),
    );
    expect(fieldProblems(byNode.get('step-0'), 'duration')).toEqual([
      expect.objectContaining({ code: 'JOURNEY.INVALID_DURATION' }),
    ]);
    expect(byNode.has('entry')).toBe(false);
  });

  it('should flag a link to an unknown step on the step that names it', () => {
    const { byNode } = validateDoc(
      toDoc({
        name: 'Cart',
        stage: 'decision',
        trigger: { event: 'cart_abandoned' },
        steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' }, next: 'gone' }],
      }),
    );
    expect(fieldProblems(byNode.get('step-0'), 'next')).toEqual([
      expect.objectContaining({ code: 'JOURNEY.UNKNOWN_STEP' }),
    ]);
  });
});
