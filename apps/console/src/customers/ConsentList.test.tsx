import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CHANNELS } from '../api/channels';
import { registerNamespace } from '../i18n/i18n';
import { logLocales } from '../log/log.locales';
import { renderInJourney } from '../test/render';
import { ConsentList } from './ConsentList';
import { customersLocales } from './customers.locales';

registerNamespace('customers', customersLocales);
registerNamespace('log', logLocales);

describe('ConsentList', () => {
  it("should show every channel's consent, WhatsApp's among them", () => {
    renderInJourney(<ConsentList consent={{ sms: true, email: false, push: null, whatsapp: true }} />);
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    expect(terms).toEqual(['SMS', 'Email', 'Push', 'WhatsApp']);
    expect(terms).toHaveLength(MESSAGE_CHANNELS.length);
    expect(screen.getAllByRole('definition').map((value) => value.textContent)).toEqual([
      'Given',
      'Refused',
      'Never asked',
      'Given',
    ]);
  });
});
