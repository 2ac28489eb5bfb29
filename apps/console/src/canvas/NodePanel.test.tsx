import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { registerNamespace } from '../i18n/i18n';
import { renderInJourney } from '../test/render';
import { canvasLocales } from './canvas.locales';
import type { JourneyDoc } from './document';
import { NodePanel } from './NodePanel';
import { createEditorStore, EditorStoreContext, useEditor, type EditorState } from './store';
import { validateDoc } from './validation';
import { ValidationContext } from './ValidationContext';

registerNamespace('canvas', canvasLocales);

const cart = (): JourneyDoc =>
  ({
    name: 'Cart',
    stage: 'decision',
    trigger: { event: 'cart_abandoned' },
    steps: [
      { id: 'wait', type: 'wait', duration: 'PT1H', next: 'sms' },
      { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } },
    ],
  }) as unknown as JourneyDoc;

/** The editor as EditorPage wires it: one store, the journey checks run on every change of the document. */
function Validated({ children }: { children: ReactNode }) {
  const doc = useEditor((state) => state.doc);
  const { byNode } = useMemo(() => validateDoc(doc), [doc]);
  return <ValidationContext.Provider value={byNode}>{children}</ValidationContext.Provider>;
}

function renderPanel(selected: string, readOnly = false): StoreApi<EditorState> {
  const store = createEditorStore(cart(), readOnly);
  store.getState().select(selected);
  renderInJourney(
    <EditorStoreContext.Provider value={store}>
      <Validated>
        <NodePanel onClose={() => undefined} />
      </Validated>
    </EditorStoreContext.Provider>,
    { data: [[['template-variables', 'j-1'], { customer: [], event: [], sampled: 0 }]] },
  );
  return store;
}

describe('NodePanel', () => {
  it('should show a bad duration on its field, and clear it once fixed', async () => {
    const user = userEvent.setup();
    const store = renderPanel('step-0');
    const duration = screen.getByLabelText('Duration');
    await user.clear(duration);
    await user.type(duration, 'three days');
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(duration.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).not.toBe('');
    await user.clear(duration);
    await user.type(duration, '3 days');
    expect(duration.getAttribute('aria-invalid')).toBeNull();
    expect(store.getState().doc.steps[0]).toMatchObject({ duration: 'P3D' });
  });

  it('should update the node as its fields are edited, and undo restore it', async () => {
    const user = userEvent.setup();
    const store = renderPanel('entry');
    const event = screen.getByLabelText('Trigger event');
    await user.clear(event);
    await user.type(event, 'checkout_started');
    await user.tab();
    expect(store.getState().doc.trigger).toEqual({ event: 'checkout_started' });
    await user.click(screen.getByLabelText('Hold messages during quiet hours'));
    expect(store.getState().doc).toMatchObject({ quietHours: { start: '21:00', end: '09:00' } });
    act(() => store.getState().undo());
    expect(store.getState().doc).not.toHaveProperty('quietHours');
    act(() => store.getState().undo());
    expect(store.getState().doc.trigger).toEqual({ event: 'cart_abandoned' });
    expect(screen.getByLabelText('Trigger event')).toHaveProperty('value', 'cart_abandoned');
  });

  it('should turn a send step to email with its own template fields as one undo step', async () => {
    const user = userEvent.setup();
    const store = renderPanel('step-1');
    await user.selectOptions(screen.getByLabelText('Channel'), 'email');
    expect(store.getState().doc.steps[1]).toMatchObject({
      channel: 'email',
      template: { subject: '', html: 'Hi' },
    });
    expect(within(screen.getByRole('region', { name: 'Message' })).getByLabelText('Subject')).toBeTruthy();
    act(() => store.getState().undo());
    expect(store.getState().doc.steps[1]).toMatchObject({ channel: 'sms', template: { body: 'Hi' } });
  });

  it('should write a WhatsApp step with its text, content template and placeholders, valid as a journey', async () => {
    const user = userEvent.setup();
    const store = renderPanel('step-1');
    await user.selectOptions(screen.getByLabelText('Channel'), 'whatsapp');
    expect(screen.getByRole('option', { name: 'WhatsApp' })).toHaveProperty('selected', true);
    const message = within(screen.getByRole('region', { name: 'Message' }));
    await user.type(message.getByLabelText(/^Content template \(HX…\)/), 'HX0123456789abcdef');
    await user.click(message.getByRole('button', { name: 'Add a row' }));
    await user.type(message.getByLabelText('Placeholder'), '1');
    await user.type(message.getByLabelText('Value'), '{{{{ customer.attributes.firstName }}');
    expect(store.getState().doc.steps[1]).toEqual({
      id: 'sms',
      type: 'send',
      channel: 'whatsapp',
      template: {
        body: 'Hi',
        contentSid: 'HX0123456789abcdef',
        contentVariables: { '1': '{{ customer.attributes.firstName }}' },
      },
    });
    expect(validateDoc(store.getState().doc).problems).toEqual([]);
    await user.click(message.getByRole('button', { name: 'Remove 1' }));
    expect(store.getState().doc.steps[1]?.template).toEqual({ body: 'Hi', contentSid: 'HX0123456789abcdef' });
  });

  it('should offer no edits on a read-only version', () => {
    const store = renderPanel('step-0', true);
    expect(screen.getByLabelText('Duration')).toHaveProperty('readOnly', true);
    expect(screen.queryByRole('button', { name: 'Delete this step' })).toBeNull();
    expect(store.getState().readOnly).toBe(true);
  });
});
