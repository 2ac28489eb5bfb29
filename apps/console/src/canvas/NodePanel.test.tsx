import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { registerNamespace } from '../i18n/i18n';
import { renderInJourney } from '../test/render';
import { canvasLocales } from './canvas.locales';
import { addStep } from './commands';
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

function renderPanel(selected: string, readOnly = false, doc = cart()): StoreApi<EditorState> {
  const store = createEditorStore(doc, readOnly);
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

  it('should edit an update_attributes step as rows and lists, one change per attribute', async () => {
    const user = userEvent.setup();
    const store = renderPanel(
      'step-1',
      false,
      addStep('update_attributes', { source: 0, handle: 'next' }).apply(cart()),
    );
    const set = within(screen.getByRole('group', { name: 'Set' }));
    await user.click(set.getByRole('button', { name: 'Add a row' }));
    await user.type(set.getByLabelText('Attribute'), 'cartReminder');
    await user.type(set.getByLabelText('Value'), 'sent');
    const increment = within(screen.getByRole('group', { name: 'Increase' }));
    await user.click(increment.getByRole('button', { name: 'Add a row' }));
    await user.type(increment.getByLabelText('Attribute'), 'remindersSent');
    const unset = screen.getByLabelText('Remove');
    await user.type(unset, 'coupon, lastCart');
    await user.tab();
    expect(store.getState().doc.steps[1]).toEqual({
      id: 'update_attributes_1',
      type: 'update_attributes',
      set: { cartReminder: 'sent' },
      setNow: ['lastContactedAt'],
      increment: { remindersSent: 1 },
      unset: ['coupon', 'lastCart'],
      next: 'sms',
    });
    expect(validateDoc(store.getState().doc).problems).toEqual([]);
    // The same attribute twice is flagged on the form.
    await user.type(unset, ', cartReminder');
    expect((await screen.findAllByRole('alert')).map((el) => el.textContent).join(' ')).toMatch(
      /cartReminder/,
    );
  });

  it('should edit a wait_for_attribute step', async () => {
    const user = userEvent.setup();
    const store = renderPanel(
      'step-1',
      false,
      addStep('wait_for_attribute', { source: 0, handle: 'next' }).apply(cart()),
    );
    const attribute = screen.getByLabelText('Attribute');
    await user.clear(attribute);
    await user.type(attribute, 'tier');
    const timeout = screen.getByLabelText('Timeout');
    await user.clear(timeout);
    await user.type(timeout, '3 days');
    await user.selectOptions(screen.getByLabelText('When it changes, go to'), 'wait');
    expect(store.getState().doc.steps[1]).toMatchObject({
      type: 'wait_for_attribute',
      attribute: 'tier',
      timeout: 'P3D',
      onChange: 'wait',
      onTimeout: 'sms',
    });
    expect(validateDoc(store.getState().doc).problems).toEqual([]);
  });

  it('should keep a webhook body that does not parse out of the journey, and say why on the field', async () => {
    const user = userEvent.setup();
    const store = renderPanel(
      'step-1',
      false,
      addStep('webhook', { source: 0, handle: 'next' }).apply(cart()),
    );
    const url = screen.getByLabelText('URL');
    await user.clear(url);
    await user.type(url, 'https://crm.example.com/hooks/cart');
    const body = screen.getByLabelText('JSON body');
    await user.clear(body);
    await user.type(body, '{{"cart": "{{{{ event.properties.cartUrl }}"');
    await user.tab();
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(body.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent,
    ).toMatch(/Not valid JSON/);
    expect(store.getState().doc.steps[1]?.body).toEqual({ customer: '{{ customer.id }}' });
    await user.click(body);
    await user.type(body, '}');
    await user.tab();
    expect(body.getAttribute('aria-invalid')).toBeNull();
    expect(store.getState().doc.steps[1]).toMatchObject({
      type: 'webhook',
      url: 'https://crm.example.com/hooks/cart',
      body: { cart: '{{ event.properties.cartUrl }}' },
      next: 'sms',
    });
    expect(validateDoc(store.getState().doc).problems).toEqual([]);
    act(() => store.getState().undo());
    expect(store.getState().doc.steps[1]?.body).toEqual({ customer: '{{ customer.id }}' });
    expect(JSON.parse((body as HTMLTextAreaElement).value)).toEqual({ customer: '{{ customer.id }}' });
  });

  it('should offer no edits on a read-only version', () => {
    const store = renderPanel('step-0', true);
    expect(screen.getByLabelText('Duration')).toHaveProperty('readOnly', true);
    expect(screen.queryByRole('button', { name: 'Delete this step' })).toBeNull();
    expect(store.getState().readOnly).toBe(true);
  });
});
