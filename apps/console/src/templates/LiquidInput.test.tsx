import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInJourney } from '../test/render';
import { LiquidInput } from './LiquidInput';

function Controlled({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <LiquidInput
      id="body"
      dir="ltr"
      readOnly={false}
      multiline
      value={value}
      onChange={setValue}
      onBlur={() => undefined}
    />
  );
}

const variables = {
  customer: ['customer.attributes.firstName'],
  event: ['event.properties.cartUrl'],
  sampled: 2,
};

describe('LiquidInput', () => {
  it('should offer the journey’s paths after {{ and insert the chosen one with the keyboard', async () => {
    const user = userEvent.setup();
    renderInJourney(<Controlled />, { data: [[['template-variables', 'j-1'], variables]] });
    const box = screen.getByRole('combobox');
    await user.type(box, 'Hi {{{{ cus');
    expect(box).toHaveProperty('value', 'Hi {{ cus');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options[0]).toBe('customer.attributes.firstName');
    expect(options).toContain('customer.email');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveProperty('value', `Hi {{ ${options[1]} }}`);
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('should offer event properties and close on Escape', async () => {
    const user = userEvent.setup();
    renderInJourney(<Controlled />, { data: [[['template-variables', 'j-1'], variables]] });
    const box = screen.getByRole('combobox');
    await user.type(box, '{{{{ cartU');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['event.properties.cartUrl']);
    await user.keyboard('{Escape}');
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('should offer nothing outside a Liquid tag', async () => {
    const user = userEvent.setup();
    renderInJourney(<Controlled />, { data: [[['template-variables', 'j-1'], variables]] });
    await user.type(screen.getByRole('combobox'), 'customer');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });
});
