import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from './channels';
import { cartAbandonment } from './journey.fixture';
import type { JourneyDefinitionInput } from './journey-definition';
import { validateJourney } from './validate-journey';

function problemsOf(input: unknown) {
  const result = validateJourney(input);
  if (result.ok) throw new Error('expected the journey to be refused');
  return result.problems;
}

function withSteps(steps: unknown[]): unknown {
  return { ...cartAbandonment, steps };
}

describe(validateJourney.name, () => {
  it('should accept the cart-abandonment journey of the README and apply the defaults', () => {
    const result = validateJourney(cartAbandonment);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.journey).toMatchObject({
      reentry: 'never',
      transactional: false,
      exitOn: ['order_completed'],
    });
    expect(result.journey.steps).toHaveLength(2);
  });

  it('should accept every step type in one journey', () => {
    const journey: JourneyDefinitionInput = {
      name: 'Everything',
      stage: 'retention',
      trigger: {
        event: 'signed_up',
        where: { path: 'event.properties.plan', op: 'in', value: ['pro', 'team'] },
      },
      reentry: 'after_exit',
      reentryGap: 'P30D',
      entryLimit: 3,
      goal: { event: 'order_completed', within: 'P7D' },
      quietHours: { start: '21:00', end: '09:00' },
      survey: { question: 'How likely are you to recommend us?', scale: 'nps' },
      steps: [
        {
          id: 'split',
          type: 'split',
          variants: [
            { name: 'A', weight: 50, next: 'gold' },
            { name: 'B', weight: 50, next: 'tenAm' },
          ],
          holdout: 10,
        },
        {
          id: 'gold',
          type: 'branch',
          if: {
            all: [
              { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
              { not: { path: 'consent.email', op: 'eq', value: false } },
            ],
          },
          then: 'email',
          else: 'tenAm',
        },
        { id: 'tenAm', type: 'wait', until: { time: '10:00', days: ['mon', 'tue'] } },
        {
          id: 'push',
          type: 'send',
          channel: 'push',
          template: {
            title: 'Hi',
            body: 'There',
            url: 'https://x',
            locales: { fa: { title: 'سلام', body: 'آنجا' } },
          },
          next: 'bought',
        },
        {
          id: 'email',
          type: 'send',
          channel: 'email',
          template: {
            subject: 'Hi',
            html: '<p>Hi</p>',
            locales: { 'fa-IR': { subject: 'سلام', html: '<p>سلام</p>' } },
          },
        },
        {
          id: 'bought',
          type: 'wait_for_event',
          event: 'order_completed',
          timeout: 'P2D',
          onEvent: 'done',
          onTimeout: 'birthday',
        },
        {
          id: 'birthday',
          type: 'wait',
          until: { date: 'customer.attributes.birthday', offset: '-P3D', time: '10:00' },
        },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Happy birthday' }, next: 'done' },
        { id: 'done', type: 'exit' },
      ],
    };

    const result = validateJourney(journey);

    expect(result).toMatchObject({ ok: true });
  });

  it('should name the path of a step reference to an unknown step', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'wait', type: 'wait', duration: 'P3D', next: 'smss' },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } },
      ]),
    );

    expect(problems).toContainEqual({
      path: 'steps.0.next',
      code: 'JOURNEY.UNKNOWN_STEP',
      message: expect.stringContaining('smss'),
    });
  });

  it('should name the path of unknown then, else, onEvent, onTimeout and variant references', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'b', type: 'branch', if: { path: 'customer.id', op: 'exists' }, then: 'x1', else: 'w' },
        { id: 'w', type: 'wait_for_event', event: 'e', timeout: 'P1D', onEvent: 'x2', onTimeout: 's' },
        { id: 's', type: 'split', variants: [{ name: 'A', weight: 1, next: 'x3' }] },
      ]),
    ).filter((problem) => problem.code === 'JOURNEY.UNKNOWN_STEP');

    expect(problems.map((problem) => problem.path)).toEqual([
      'steps.0.then',
      'steps.1.onEvent',
      'steps.2.variants.0.next',
    ]);
  });

  it('should name the path of a duplicate step id', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'one' } },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'two' } },
      ]),
    );

    expect(problems).toEqual([
      { path: 'steps.1.id', code: 'JOURNEY.DUPLICATE_STEP_ID', message: expect.stringContaining('sms') },
    ]);
  });

  it('should name the path of an unreachable step', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' }, next: 'bye' },
        { id: 'lost', type: 'send', channel: 'sms', template: { body: 'never' } },
        { id: 'bye', type: 'exit' },
      ]),
    );

    expect(problems).toEqual([
      { path: 'steps.1', code: 'JOURNEY.UNREACHABLE_STEP', message: expect.stringContaining('lost') },
    ]);
  });

  it('should refuse a loop that contains no wait', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'spam' } },
        { id: 'again', type: 'branch', if: { path: 'customer.id', op: 'exists' }, then: 'sms', else: 'end' },
        { id: 'end', type: 'exit' },
      ]),
    );

    expect(problems).toEqual([
      {
        path: 'steps.0',
        code: 'JOURNEY.CYCLE_WITHOUT_WAIT',
        message: expect.stringContaining('"sms", "again"'),
      },
    ]);
  });

  it('should accept a loop paced by a wait', () => {
    const result = validateJourney(
      withSteps([
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'weekly' } },
        { id: 'week', type: 'wait', duration: 'P7D' },
        {
          id: 'again',
          type: 'branch',
          if: { path: 'customer.attributes.subscribed', op: 'eq', value: true },
          then: 'sms',
          else: 'end',
        },
        { id: 'end', type: 'exit' },
      ]),
    );

    expect(result.ok).toBe(true);
  });

  it('should refuse a loop of waits that never sends', () => {
    const problems = problemsOf(withSteps([{ id: 'tick', type: 'wait', duration: 'P1D', next: 'tick' }]));

    expect(problems).toEqual([
      { path: 'steps.0', code: 'JOURNEY.CYCLE_WITHOUT_ACTION', message: expect.any(String) },
    ]);
  });

  it('should refuse an email without a subject, naming the path', () => {
    const problems = problemsOf(
      withSteps([{ id: 'mail', type: 'send', channel: 'email', template: { html: '<p>Hi</p>' } }]),
    );

    expect(problems).toEqual([
      { path: 'steps.0.template.subject', code: 'JOURNEY.REQUIRED', message: 'is required' },
    ]);
  });

  it('should refuse an unknown channel and an unknown step type', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'fax', type: 'send', channel: 'fax', template: { body: 'Hi' } },
        { id: 'x', type: 'teleport' },
      ]),
    );

    expect(problems).toEqual([
      {
        path: 'steps.0.channel',
        code: 'JOURNEY.INVALID_VALUE',
        message: `must be one of ${CHANNEL_NAMES.join(', ')}`,
      },
      {
        path: 'steps.1.type',
        code: 'JOURNEY.UNKNOWN_STEP_TYPE',
        message: expect.stringContaining('wait_for_event'),
      },
    ]);
  });

  it('should refuse a bad duration such as P3X, naming the path', () => {
    const problems = problemsOf(withSteps([{ id: 'wait', type: 'wait', duration: 'P3X' }]));

    expect(problems).toEqual([
      {
        path: 'steps.0.duration',
        code: 'JOURNEY.INVALID_DURATION',
        message: expect.stringContaining('ISO-8601'),
      },
    ]);
  });

  it.each(['PT0S', 'P0D', '-P3D', 'P', 'PT', '3 days'])('should refuse the wait duration %s', (duration) => {
    const problems = problemsOf(withSteps([{ id: 'wait', type: 'wait', duration }]));

    expect(problems).toEqual([
      { path: 'steps.0.duration', code: 'JOURNEY.INVALID_DURATION', message: expect.any(String) },
    ]);
  });

  it.each(['P3D', 'PT2H', 'PT2S', 'P1DT12H', 'PT0.5S', 'P1W'])(
    'should accept the wait duration %s',
    (duration) => {
      expect(validateJourney(withSteps([{ id: 'wait', type: 'wait', duration }])).ok).toBe(true);
    },
  );

  it('should accept a negative offset on a wait until a date', () => {
    const result = validateJourney(
      withSteps([
        {
          id: 'bday',
          type: 'wait',
          until: { date: 'customer.attributes.birthday', offset: '-P3D', time: '10:00' },
        },
      ]),
    );

    expect(result.ok).toBe(true);
  });

  it('should refuse a bad stage, listing the stages', () => {
    const problems = problemsOf({ ...cartAbandonment, stage: 'delight' });

    expect(problems).toEqual([
      {
        path: 'stage',
        code: 'JOURNEY.INVALID_VALUE',
        message: 'must be one of awareness, consideration, decision, purchase, retention, advocacy',
      },
    ]);
  });

  it('should refuse a journey without steps and a missing name', () => {
    const { name: _name, ...unnamed } = cartAbandonment;

    const problems = problemsOf({ ...unnamed, steps: [] });

    expect(problems).toEqual([
      { path: 'name', code: 'JOURNEY.REQUIRED', message: 'is required' },
      { path: 'steps', code: 'JOURNEY.TOO_SMALL', message: 'must have at least 1 item(s)' },
    ]);
  });

  it('should refuse a journey with a name and no steps, rather than throw while walking its graph', () => {
    expect(problemsOf({ ...cartAbandonment, steps: [] })).toEqual([
      { path: 'steps', code: 'JOURNEY.TOO_SMALL', message: 'must have at least 1 item(s)' },
    ]);
  });

  it('should refuse a wait with both a duration and an until, and one with neither', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'both', type: 'wait', duration: 'P1D', until: { time: '10:00' } },
        { id: 'neither', type: 'wait' },
      ]),
    );

    expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['steps.0.duration', 'JOURNEY.INVALID_WAIT'],
      ['steps.1.duration', 'JOURNEY.INVALID_WAIT'],
    ]);
  });

  it('should refuse a bad step id, a misspelt field and a bad time', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'no spaces', type: 'wait', duration: 'P1D' },
        { id: 'b', type: 'wait', durration: 'P1D', duration: 'P1D' },
        { id: 'c', type: 'wait', until: { time: '25:00' } },
      ]),
    );

    expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['steps.0.id', 'JOURNEY.INVALID_STEP_ID'],
      ['steps.1.durration', 'JOURNEY.UNKNOWN_FIELD'],
      ['steps.2.until.time', 'JOURNEY.INVALID_TIME'],
    ]);
  });

  it('should refuse a condition with a bad path or a missing value', () => {
    const problems = problemsOf({
      ...cartAbandonment,
      trigger: {
        event: 'cart_abandoned',
        where: {
          all: [
            { path: 'cart.value', op: 'gt', value: 1 },
            { path: 'event.properties.cartValue', op: 'gt' },
          ],
        },
      },
    });

    expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['trigger.where.all.0.path', 'JOURNEY.INVALID_CONDITION_PATH'],
      ['trigger.where.all.1.value', 'JOURNEY.INVALID_CONDITION_VALUE'],
    ]);
  });

  it('should refuse a comparison without a value', () => {
    const problems = problemsOf({
      ...cartAbandonment,
      trigger: { event: 'cart_abandoned', where: { path: 'event.properties.cartValue', op: 'gt' } },
    });

    expect(problems).toEqual([
      {
        path: 'trigger.where.value',
        code: 'JOURNEY.INVALID_CONDITION_VALUE',
        message: 'is required for op "gt"',
      },
    ]);
  });

  it('should refuse split weights that sum to zero', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'split', type: 'split', variants: [{ name: 'A', weight: 0, next: 'sms' }] },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } },
      ]),
    );

    expect(problems).toEqual([
      { path: 'steps.0.variants', code: 'JOURNEY.SPLIT_WEIGHTS', message: expect.any(String) },
    ]);
  });

  it('should run every template field, locales included, through the template checker', () => {
    const seen: string[] = [];
    const result = validateJourney(
      withSteps([
        {
          id: 'sms',
          type: 'send',
          channel: 'sms',
          template: { body: 'Hi {{ customer.id }}', locales: { fa: { body: 'سلام {{ nope.x }}' } } },
        },
        {
          id: 'mail',
          type: 'send',
          channel: 'email',
          template: { subject: 'S', html: '{% if %}', text: 'T' },
        },
      ]),
      {
        checkTemplate: (source) => {
          seen.push(source);
          return source.includes('nope')
            ? 'unknown variable "nope"'
            : source.includes('{% if %}')
              ? 'bad tag'
              : null;
        },
      },
    );

    expect(seen).toEqual(['Hi {{ customer.id }}', 'سلام {{ nope.x }}', 'S', '{% if %}', 'T']);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'steps.0.template.locales.fa.body',
          code: 'JOURNEY.INVALID_TEMPLATE',
          message: 'unknown variable "nope"',
        },
        { path: 'steps.1.template.html', code: 'JOURNEY.INVALID_TEMPLATE', message: 'bad tag' },
      ],
    });
  });

  it('should keep Persian text and emoji unchanged', () => {
    const body = 'سلام 👋 {{ customer.attributes.firstName }}';

    const result = validateJourney(
      withSteps([{ id: 'sms', type: 'send', channel: 'sms', template: { body } }]),
    );

    expect(result.ok && result.journey.steps[0]).toMatchObject({ template: { body } });
  });
});

describe('the waits and updates of validateJourney', () => {
  const wait = (fields: object) => ({
    id: 'w',
    type: 'wait_for_event',
    timeout: 'P1D',
    onEvent: 'x',
    onTimeout: 'x',
    ...fields,
  });
  const exit = { id: 'x', type: 'exit' };

  it('should accept a wait for any of several events and a branch on the one that came', () => {
    const result = validateJourney(
      withSteps([
        wait({ events: ['a', 'b'], onEvent: 'which' }),
        {
          id: 'which',
          type: 'branch',
          if: { path: 'context.w.event', op: 'eq', value: 'a' },
          then: 'x',
          else: 'x',
        },
        exit,
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it('should refuse a wait_for_event with both event and events, and one with neither', () => {
    for (const fields of [{ event: 'a', events: ['b'] }, {}]) {
      expect(problemsOf(withSteps([wait(fields), exit]))).toEqual([
        { path: 'steps.0.event', code: 'JOURNEY.INVALID_WAIT', message: expect.any(String) },
      ]);
    }
  });

  it('should name the path of the unknown onChange of a wait_for_attribute', () => {
    const problems = problemsOf(
      withSteps([
        {
          id: 'w',
          type: 'wait_for_attribute',
          attribute: 'plan',
          timeout: 'P1D',
          onChange: 'nope',
          onTimeout: 'x',
        },
        exit,
      ]),
    );
    expect(problems).toEqual([
      { path: 'steps.0.onChange', code: 'JOURNEY.UNKNOWN_STEP', message: expect.any(String) },
    ]);
  });

  it('should refuse an update_attributes loop that never waits', () => {
    const problems = problemsOf(
      withSteps([
        { id: 'a', type: 'update_attributes', increment: { n: 1 } },
        {
          id: 'b',
          type: 'branch',
          if: { path: 'customer.attributes.n', op: 'lt', value: 3 },
          then: 'a',
          else: 'x',
        },
        exit,
      ]),
    );
    expect(problems.map((p) => p.code)).toEqual(['JOURNEY.CYCLE_WITHOUT_WAIT']);
  });
});

describe('the webhook steps of validateJourney', () => {
  const webhook = (fields: object) => ({
    id: 'hook',
    type: 'webhook',
    url: 'https://crm.example.com/hook',
    body: {},
    ...fields,
  });

  it('should check every string of the body as a template, naming its path', () => {
    const result = validateJourney(withSteps([webhook({ body: { a: ['ok', '{{ broken'] } })]), {
      checkTemplate: (source) => (source.includes('{{ broken') ? 'does not parse' : null),
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'steps.0.body.a.1', message: 'does not parse', code: 'JOURNEY.INVALID_TEMPLATE' }],
    });
  });

  it('should refuse a URL that is not http, a reserved header and a timeout over PT30S', () => {
    const problems = problemsOf(
      withSteps([
        webhook({ url: 'ftp://crm.example.com', headers: { 'Idempotency-Key': 'x' }, timeout: 'PT1M' }),
      ]),
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'steps.0.headers.Idempotency-Key',
      'steps.0.timeout',
      'steps.0.url',
    ]);
  });
});
