import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Role, Session } from '../api/types';
import { MemoryRouter, Route, Routes } from 'react-router';
import { PreferencesProvider } from '../i18n/PreferencesProvider';

/**
 * Renders `ui` at `/journeys/:id`, signed in as `role`, with a query cache seeded with `data`: no request
 * reaches a server.
 */
export function renderInJourney(
  ui: ReactNode,
  {
    journeyId = 'j-1',
    role = 'marketer',
    data = [],
  }: { journeyId?: string; role?: Role; data?: [unknown[], unknown][] } = {},
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const session: Session = {
    keyId: 'k-1',
    name: role,
    role,
    csrfToken: 'csrf',
    expiresAt: '2099-01-01T00:00:00Z',
  };
  client.setQueryData(['session'], session);
  for (const [key, value] of data) client.setQueryData(key, value);
  return render(
    <QueryClientProvider client={client}>
      <PreferencesProvider>
        <MemoryRouter initialEntries={[`/journeys/${journeyId}`]}>
          <Routes>
            <Route path="/journeys/:id" element={ui} />
          </Routes>
        </MemoryRouter>
      </PreferencesProvider>
    </QueryClientProvider>,
  );
}
