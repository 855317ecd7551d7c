import { lazy, Suspense, useEffect } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import { Title, useGetIdentity, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import type { UnidosIdentity } from '../providers/authProvider';
import { isAllianceRole } from '../providers/permissions';
import { AllianceDashboard } from './AllianceDashboard';
import { useAllianceDashboard, useOrganizationDashboard } from './api';
import { OrganizationDashboard } from './OrganizationDashboard';
import { LoadError, Muted } from './parts';

// Loaded on demand: MUI X Charts is large and only this page uses it.
const DashboardCharts = lazy(() => import('./charts/DashboardCharts'));

/**
 * The first screen after sign-in: the coalition dashboard for alliance roles
 * (`GET /api/dashboard/alliance`), the organization's own for organization roles
 * (`GET /api/dashboard/organization`), then the charts.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const identity = useGetIdentity().identity as UnidosIdentity | undefined;
  const alliance = isAllianceRole(identity?.role);
  const allianceQuery = useAllianceDashboard(!!identity && alliance);
  const organizationQuery = useOrganizationDashboard(!!identity && !alliance);
  const query = alliance ? allianceQuery : organizationQuery;
  // An expired session (401) or a required two-factor setup goes where react-admin sends it.
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  useEffect(() => {
    if (query.error) void logoutIfAccessDenied(query.error);
  }, [query.error, logoutIfAccessDenied]);
  const organizationName = organizationQuery.data?.organizationName;
  const heading = alliance
    ? translate('unidos.dashboard.alliance_title')
    : organizationName
      ? translate('unidos.dashboard.organization_title', { name: organizationName })
      : translate('ra.page.dashboard');

  return (
    <Box sx={{ mt: 2, mb: 4, maxWidth: 1280 }} data-testid="dashboard">
      <Title title="ra.page.dashboard" />
      <Typography component="h1" variant="h5" sx={{ fontWeight: 600 }}>
        {heading}
      </Typography>
      {identity?.fullName ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('unidos.dashboard.welcome', { name: identity.fullName })}
        </Typography>
      ) : null}
      {!identity || query.isPending ? (
        <Muted>{translate('unidos.dashboard.loading_section')}</Muted>
      ) : query.isError ? (
        <LoadError message={translate('unidos.dashboard.load_error')} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {alliance && allianceQuery.data ? (
            <AllianceDashboard data={allianceQuery.data} isAdmin={identity.role === 'alliance_admin'} />
          ) : null}
          {!alliance && organizationQuery.data ? (
            <OrganizationDashboard data={organizationQuery.data} />
          ) : null}
          <Box sx={{ mt: 2 }}>
            <Suspense fallback={<Muted>{translate('unidos.dashboard.charts.loading')}</Muted>}>
              <DashboardCharts
                campaigns={
                  alliance
                    ? (allianceQuery.data?.campaigns ?? [])
                    : (organizationQuery.data?.endorsedCampaigns ?? [])
                }
                newMembers={alliance}
              />
            </Suspense>
          </Box>
        </>
      )}
      <Alert severity="info" role="note" sx={{ mt: 2 }}>
        {translate('unidos.dashboard.privacy')}
      </Alert>
    </Box>
  );
};
