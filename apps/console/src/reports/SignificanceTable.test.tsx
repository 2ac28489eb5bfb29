import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PreferencesProvider } from '../i18n/PreferencesProvider';
import type { JourneyReport } from './reports.api';
import './reports.setup';
import { SignificanceTable } from './SignificanceTable';

type Significance = NonNullable<JourneyReport['significance']>;

const comparison = (pValue: number | null, significant: boolean) => ({
  rate: 0.12,
  controlRate: 0.05,
  lift: 0.07,
  relativeLift: 1.4,
  ci95: [0.04, 0.1] as [number, number],
  z: 4.1,
  pValue,
  significant,
});

const significance: Significance = {
  control: { n: 1000, converted: 50 },
  treated: comparison(0.00004, true),
  variants: [
    { variant: 'A', ...comparison(0.31, false) },
    { variant: 'B', ...comparison(null, false) },
  ],
};

describe('SignificanceTable', () => {
  it('should put each group beside the holdout and say in words whether the lift is real', () => {
    render(
      <PreferencesProvider>
        <SignificanceTable significance={significance} />
      </PreferencesProvider>,
    );
    const table = screen.getByRole('table', { name: 'Conversions beside the holdout' });
    const row = (name: RegExp) => within(table).getByRole('row', { name });
    expect(row(/Everyone treated/).textContent).toBe(
      'Everyone treated12%5%7.0 pts4.0 pts to 10.0 pts< 0.001Significant at 95 %',
    );
    expect(row(/Variant A/).textContent).toContain('Not distinguishable from noise yet');
    expect(row(/Variant B/).textContent).toContain('Not enough data');
    expect(screen.getByText('Holdout: 50 of 1,000 converted without any message.')).toBeTruthy();
  });
});
