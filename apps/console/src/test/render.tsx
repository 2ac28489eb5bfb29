import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';

/** Renders `ui` at `/journeys/:id` with a query cache seeded with `data` (no request reaches a server). */
export function renderInJourney(
  ui: ReactNode,
  { journeyId = 'j-1', data = [] }: { journeyId?: string; data?: [unknown[], unknown][] } = {},
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [key, value] of data) client.setQueryData(key, value);
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/journeys/${journeyId}`]}>
        <Routes>
          <Route path="/journeys/:id" element={ui} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
