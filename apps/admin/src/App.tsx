import { Admin, CustomRoutes, Resource } from 'react-admin';
import { createBrowserRouter, Route, RouterProvider } from 'react-router-dom';
import { AccountPage } from './pages/AccountPage';
import { CheckInPage } from './pages/check-in/CheckInPage';
import { CommitPage } from './pages/commit/CommitPage';
import { EmergencyPurgePage } from './pages/EmergencyPurgePage';
import { JoinPage } from './pages/join/JoinPage';
import { LoginPage } from './pages/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import { Layout } from './layout/Layout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { createStore } from './providers/store';
import applications from './resources/applications';
import auditEvents from './resources/audit-events';
import campaigns from './resources/campaigns';
import events from './resources/events';
import { EventCalendar } from './resources/events/EventCalendar';
import imports from './resources/imports';
import organizations from './resources/organizations';
import people from './resources/people';
import pledgeOffers from './resources/pledge-offers';
import pledgeReports from './resources/pledge-reports';
import pledges from './resources/pledges';
import peopleCounts, { RegionCounts } from './resources/people-counts';
import regions from './resources/regions';
import users from './resources/users';
import { theme } from './theme';

const store = createStore();

/**
 * The Unidos admin. Every page needs a session (`requireAuth`) except the public `/join` form,
 * which is a `noLayout` custom route: react-admin renders those without checking auth.
 * A browser data router (react-admin would otherwise use a HashRouter) gives real paths such as
 * `/join` (the API serves index.html for every non-API path) and lets forms warn about unsaved changes.
 */
const UnidosAdmin = () => (
  <Admin
    title="Unidos"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={theme}
    darkTheme={null}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <Resource name="organizations" {...organizations} />
    <Resource name="people" {...people} />
    <Resource name="people-counts" {...peopleCounts}>
      <Route path="regions" element={<RegionCounts />} />
    </Resource>
    <Resource name="campaigns" {...campaigns} />
    <Resource name="events" {...events}>
      <Route path="calendar" element={<EventCalendar />} />
      <Route path=":id/check-in" element={<CheckInPage />} />
    </Resource>
    <Resource name="pledges" {...pledges} />
    <Resource name="pledge-reports" {...pledgeReports} />
    <Resource name="pledge-offers" {...pledgeOffers} />
    <Resource name="applications" {...applications} />
    <Resource name="regions" {...regions} />
    <Resource name="users" {...users} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="imports" {...imports} />
    <CustomRoutes>
      <Route path="/account" element={<AccountPage />} />
      <Route path="/emergency-purge" element={<EmergencyPurgePage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path="/join" element={<JoinPage />} />
      <Route path="/commit/:slug" element={<CommitPage />} />
    </CustomRoutes>
  </Admin>
);

const router = createBrowserRouter([{ path: '*', element: <UnidosAdmin /> }]);

export const App = () => <RouterProvider router={router} />;
