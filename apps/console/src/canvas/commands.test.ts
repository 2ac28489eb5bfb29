import { validateJourney } from '@touchpoint/journeys';
import { describe, expect, it } from 'vitest';
import { addStep, connect, deleteStep, renameStep, setStepField } from './commands';
import { emptyJourney, toDoc, type JourneyDoc } from './document';
import { createEditorStore } from './store';

const cart = (): JourneyDoc =>
  toDoc({
    name: 'Cart',
    stage: 'decision',
    trigger: { event: 'cart_abandoned' },
    steps: [
      { id: 'wait', type: 'wait', duration: 'P3D' },
      { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } },
    ],
  });

describe('editor commands', () => {
  it('should build the cart journey from an empty document into one the API accepts', () => {
    const store = createEditorStore({
      ...emptyJourney(),
      name: 'Cart',
      trigger: { event: 'cart_abandoned' },
    });
    const { dispatch } = store.getState();
    dispatch(addStep('wait', { source: -1, handle: 'next' }));
    dispatch(addStep('send', { source: 0, handle: 'next' }));
    dispatch(setStepField(1, ['template', 'body'], 'Your cart is waiting'));
    const doc = store.getState().doc;
    expect(doc.steps.map((step) => step.type)).toEqual(['wait', 'send']);
    expect(validateJourney(doc).ok).toBe(true);
  });

  it('should insert on an explicit link by pointing the link at the new step and the new step onward', () => {
    const doc = toDoc({
      ...cart(),
      steps: [
        {
          id: 'b',
          type: 'branch',
          if: { path: 'customer.attributes.tier', op: 'exists' },
          then: 'x',
          else: 'y',
        },
        { id: 'x', type: 'exit' },
        { id: 'y', type: 'exit' },
      ],
    });
    const next = addStep('wait', { source: 0, handle: 'then' }).apply(doc);
    expect(next.steps[0].then).toBe('wait_1');
    expect(next.steps[1]).toMatchObject({ id: 'wait_1', type: 'wait', next: 'x' });
    expect(validateJourney(next).ok).toBe(true);
  });

  // Send and wait for event start with an empty text to fill in; these are complete as added.
  it.each(['wait', 'wait_for_attribute', 'update_attributes', 'webhook'] as const)(
    'should add a %s step from the palette, anywhere, as a journey the API accepts',
    (type) => {
      for (const at of [
        { source: -1, handle: 'next' },
        { source: 0, handle: 'next' },
        { source: 1, handle: 'next' },
      ]) {
        const next = addStep(type, at).apply(cart());
        expect(next.steps[at.source + 1]).toMatchObject({ type });
        expect(validateJourney(next)).toMatchObject({ ok: true });
      }
    },
  );

  it('should end a branching step added at the end on a new exit step', () => {
    const next = addStep('branch', { source: 1, handle: 'next' }).apply(cart());
    expect(next.steps.map((step) => step.id)).toEqual(['wait', 'sms', 'branch_1', 'exit_1']);
    expect(next.steps[2]).toMatchObject({ then: 'exit_1', else: 'exit_1' });
  });

  it('should keep the path running through when a step is deleted', () => {
    const next = deleteStep(0).apply(cart());
    expect(next.steps.map((step) => step.id)).toEqual(['sms']);
    const branched = toDoc({
      ...cart(),
      steps: [
        {
          id: 'b',
          type: 'branch',
          if: { path: 'customer.attributes.tier', op: 'exists' },
          then: 'w',
          else: 'sms',
        },
        { id: 'w', type: 'wait', duration: 'P1D' },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } },
      ],
    });
    expect(deleteStep(1).apply(branched).steps[0]).toMatchObject({ then: 'sms', else: 'sms' });
  });

  it('should rename a step with every reference to it', () => {
    const doc = connect(0, 'next', 'sms').apply(cart());
    const next = renameStep(1, 'reminder').apply(doc);
    expect(next.steps[0].next).toBe('reminder');
    expect(next.steps[1].id).toBe('reminder');
  });
});

describe('editor history', () => {
  it('should undo and redo every command, and typing in one field as one step', () => {
    const store = createEditorStore(cart());
    const { dispatch } = store.getState();
    dispatch(setStepField(0, ['duration'], 'P'));
    dispatch(setStepField(0, ['duration'], 'P5'));
    dispatch(setStepField(0, ['duration'], 'P5D'));
    dispatch(addStep('exit', { source: 1, handle: 'next' }));
    expect(store.getState().doc.steps).toHaveLength(3);

    store.getState().undo();
    expect(store.getState().doc.steps).toHaveLength(2);
    expect(store.getState().doc.steps[0].duration).toBe('P5D');
    store.getState().undo();
    expect(store.getState().doc.steps[0].duration).toBe('P3D');
    store.getState().undo();
    expect(store.getState().doc).toEqual(cart());

    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc.steps).toHaveLength(3);
  });

  it('should start a new undo step after the field is left', () => {
    const store = createEditorStore(cart());
    store.getState().dispatch(setStepField(0, ['duration'], 'P4D'));
    store.getState().seal();
    store.getState().dispatch(setStepField(0, ['duration'], 'P5D'));
    store.getState().undo();
    expect(store.getState().doc.steps[0].duration).toBe('P4D');
  });

  it('should refuse edits when read-only', () => {
    const store = createEditorStore(cart(), true);
    store.getState().dispatch(deleteStep(0));
    expect(store.getState().doc.steps).toHaveLength(2);
  });

  it('should drop the redo future on a new edit', () => {
    const store = createEditorStore(cart());
    store.getState().dispatch(deleteStep(1));
    store.getState().undo();
    store.getState().dispatch(setStepField(0, ['duration'], 'P1D'));
    store.getState().redo();
    expect(store.getState().doc.steps).toHaveLength(2);
    expect(store.getState().future).toEqual([]);
  });
});
