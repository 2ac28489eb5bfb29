import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import type { Role } from '../api/types';
import { SignInPage } from '../auth/SignInPage';
import { JourneysPage } from '../journeys/JourneysPage';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

/** A page of the console: where it lives, whether the navigation shows it and to which roles. */
export interface FeatureRoute {
  path: string;
  /** i18n key of the navigation label (namespace common); no entry in the navigation without it. */
  nav?: string;
  /** Roles that see it; every signed-in role when omitted (admin always sees everything). */
  roles?: Role[];
  route: Omit<RouteObject, 'path' | 'children' | 'index'>;
}

// The one route table: features add a line here (and, for the navigation, a label in common.nav).
// Pages other than the journeys list load on demand, so the first load stays light.
export const FEATURE_ROUTES: FeatureRoute[] = [
  { path: 'journeys', nav: 'nav.journeys', route: { element: <JourneysPage /> } },
  {
    path: 'journeys/new',
    roles: ['marketer'],
    route: { lazy: async () => ({ Component: (await import('../canvas/EditorPage')).NewJourneyPage }) },
  },
  {
    path: 'journeys/:id',
    route: { lazy: async () => ({ Component: (await import('../canvas/EditorPage')).JourneyEditorPage }) },
  },
  {
    path: 'journeys/:id/versions/:version',
    route: { lazy: async () => ({ Component: (await import('../canvas/EditorPage')).JourneyVersionPage }) },
  },
  {
    path: 'journeys/:id/report',
    route: {
      lazy: async () => ({ Component: (await import('../reports/JourneyReportPage')).JourneyReportPage }),
    },
  },
  {
    path: 'overview',
    nav: 'nav.overview',
    route: { lazy: async () => ({ Component: (await import('../reports/OverviewPage')).OverviewPage }) },
  },
  {
    path: 'log',
    nav: 'nav.log',
    route: { lazy: async () => ({ Component: (await import('../log/LogPage')).LogPage }) },
  },
  {
    path: 'customers',
    nav: 'nav.customers',
    route: { lazy: async () => ({ Component: (await import('../customers/CustomersPage')).CustomersPage }) },
  },
  {
    path: 'customers/:id',
    route: { lazy: async () => ({ Component: (await import('../customers/CustomerPage')).CustomerPage }) },
  },
  {
    path: 'stages',
    nav: 'nav.stages',
    route: { lazy: async () => ({ Component: (await import('../reports/StagesPage')).StagesPage }) },
  },
  {
    path: 'nps',
    nav: 'nav.nps',
    route: { lazy: async () => ({ Component: (await import('../reports/NpsPage')).NpsPage }) },
  },
  {
    path: 'sandbox',
    nav: 'nav.sandbox',
    roles: ['admin'],
    route: { lazy: async () => ({ Component: (await import('../sandbox/SandboxPage')).SandboxPage }) },
  },
  {
    path: 'settings',
    nav: 'nav.settings',
    route: { lazy: async () => ({ Component: (await import('../settings/SettingsPage')).SettingsPage }) },
  },
];

export function allowed(route: Pick<FeatureRoute, 'roles'>, role: Role): boolean {
  return role === 'admin' || !route.roles || route.roles.includes(role);
}

export const ROUTES: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/journeys" replace /> },
      ...FEATURE_ROUTES.map((feature) => ({ path: feature.path, ...feature.route })),
      { path: '*', element: <RouteError /> },
    ],
  },
];
