import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PreferencesProvider } from '../i18n/PreferencesProvider';
import type { StageAnalytics } from './reports.api';
import './reports.setup';
import { StageMap } from './StageMap';

const survey = { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null, average: null };
const figures = (sent: number, delivered: number, engaged: number) => ({
  touchpoints: sent,
  sent,
  delivered,
  engaged,
  converted: 0,
  deliveryRate: sent ? delivered / sent : null,
  engagementRate: delivered ? engaged / delivered : null,
  conversionRate: null,
  survey,
});
const from = '2026-11-01T00:00:00.000Z';
const to = '2026-12-01T00:00:00.000Z';

const analytics: StageAnalytics = {
  from,
  to,
  stages: [
    {
      stage: 'decision',
      ...figures(300, 290, 20),
      channels: [
        { channel: 'sms', ...figures(200, 190, 10) },
        { channel: 'email', ...figures(100, 100, 10) },
      ],
    },
    {
      stage: 'retention',
      ...figures(150, 150, 60),
      channels: [{ channel: 'push', ...figures(150, 150, 60) }],
    },
  ],
  weakest: {
    engagement: {
      stage: 'decision',
      channel: 'sms',
      rate: 10 / 190,
      delivered: 190,
      log: {
        filters: { stage: 'decision', channel: 'sms', from, to },
        path: `/v1/touchpoints?stage=decision&channel=sms`,
      },
    },
    nps: null,
  },
};

describe('StageMap', () => {
  it('should lay stages out as columns and mark the weakest cell in words, with a link to its log rows', () => {
    render(
      <PreferencesProvider>
        <MemoryRouter>
          <StageMap analytics={analytics} />
        </MemoryRouter>
      </PreferencesProvider>,
    );
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention', 'Advocacy']);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Email',
      'Push',
      'SMS',
    ]);

    const marked = screen.getByText('Weakest engagement').closest('td') as HTMLElement;
    expect(within(marked).getByText('190')).toBeTruthy();
    const link = within(marked).getByRole('link', { name: 'Show these messages in the log' });
    const href = new URL(link.getAttribute('href') as string, 'http://console');
    expect(href.pathname).toBe('/log');
    expect(Object.fromEntries(href.searchParams)).toEqual({ stage: 'decision', channel: 'sms', from, to });
    expect(screen.getAllByText('Weakest engagement')).toHaveLength(1);
  });
});
