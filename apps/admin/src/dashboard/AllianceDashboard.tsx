import { lazy, Suspense, useMemo } from 'react';
import { Box, ButtonBase, Chip, Grid, Stack, Typography } from '@mui/material';
import { LinkBase, useCanAccess, useTranslate } from 'react-admin';
import { MEMBERSHIP_STATUSES, type AllianceDashboardDto } from '@unidos/contracts';
import { EventItems } from './EventItems';
import { formatDateTime, formatRelative, listUrl, showUrl } from './format';
import {
  CampaignGoals,
  DashCard,
  focusRing,
  HeaderLink,
  Muted,
  PledgeItems,
  PlainList,
  TextLink,
  useDashboardFormat,
  WARNING_TEXT,
} from './parts';
import { todayIso } from '../resources/campaigns/format';

// Loaded on demand: the map shapes (d3-geo, topojson-client, us-atlas) are large.
const StateMap = lazy(() => import('./map/StateMap'));

/** The alliance's view: membership, applications, campaigns, pledges, events, dues, activity, charts. */
export const AllianceDashboard = ({ data, isAdmin }: { data: AllianceDashboardDto; isAdmin: boolean }) => {
  const translate = useTranslate();
  const campaignNames = useMemo(() => new Map(data.campaigns.map((c) => [c.id, c.name])), [data.campaigns]);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <DashCard
          title={translate('unidos.dashboard.members.title')}
          testId="dashboard-members"
          action={<HeaderLink to="/organizations">{translate('unidos.dashboard.directory')}</HeaderLink>}
        >
          <StatusTiles byStatus={data.membership.byStatus} />
          <Box sx={{ mt: 2 }}>
            <Suspense fallback={<Muted>{translate('unidos.dashboard.map.loading')}</Muted>}>
              <StateMap rows={data.membership.byState} />
            </Suspense>
          </Box>
        </DashCard>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <PendingApplications pending={data.pendingApplications} />
      </Grid>
      <Grid size={12}>
        <DashCard
          title={translate('unidos.dashboard.campaigns.title')}
          testId="dashboard-campaigns"
          action={<HeaderLink to="/campaigns">{translate('unidos.dashboard.see_all')}</HeaderLink>}
        >
          <CampaignGoals campaigns={data.campaigns} empty={translate('unidos.dashboard.campaigns.none')} />
        </DashCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashCard
          title={translate('unidos.dashboard.pledges.overdue_title')}
          testId="dashboard-pledges-overdue"
          action={
            <HeaderLink to={listUrl('pledges', { overdue: true })}>
              {translate('unidos.dashboard.see_all')}
            </HeaderLink>
          }
        >
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('unidos.dashboard.pledges.overdue_count', { smart_count: data.pledges.overdue })}
          </Typography>
          {data.pledges.overdueList.length === 0 ? (
            <Muted>{translate('unidos.dashboard.pledges.none_overdue')}</Muted>
          ) : (
            <PledgeItems
              pledges={data.pledges.overdueList}
              campaignNames={campaignNames}
              label={translate('unidos.dashboard.pledges.overdue_title')}
            />
          )}
        </DashCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashCard
          title={translate('unidos.dashboard.pledges.due_title')}
          testId="dashboard-pledges-due"
          action={
            <HeaderLink to={listUrl('pledges', { status: 'open' })}>
              {translate('unidos.dashboard.see_all')}
            </HeaderLink>
          }
        >
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('unidos.dashboard.pledges.due_count', { smart_count: data.pledges.dueThisWeek })}
          </Typography>
          {data.pledges.dueThisWeekList.length === 0 ? (
            <Muted>{translate('unidos.dashboard.pledges.none_due')}</Muted>
          ) : (
            <PledgeItems
              pledges={data.pledges.dueThisWeekList}
              campaignNames={campaignNames}
              label={translate('unidos.dashboard.pledges.due_title')}
            />
          )}
        </DashCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashCard title={translate('unidos.dashboard.events.title')} testId="dashboard-events">
          {data.upcomingEvents.length === 0 ? (
            <Muted>{translate('unidos.dashboard.events.none')}</Muted>
          ) : (
            <EventItems events={data.upcomingEvents} label={translate('unidos.dashboard.events.title')} />
          )}
        </DashCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DuesLapsing dues={data.duesLapsing} />
      </Grid>
      {isAdmin ? (
        <Grid size={12}>
          <RecentActivity activity={data.recentActivity} />
        </Grid>
      ) : null}
    </Grid>
  );
};

/** How many organizations are in each membership status; each number opens the directory filtered to it. */
const StatusTiles = ({ byStatus }: { byStatus: AllianceDashboardDto['membership']['byStatus'] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <Box
      component="ul"
      aria-label={translate('unidos.dashboard.members.by_status')}
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'grid',
        gap: 1,
        gridTemplateColumns: { xs: 'repeat(3, 1fr)', sm: 'repeat(6, 1fr)' },
      }}
    >
      {MEMBERSHIP_STATUSES.map((status) => {
        const count = byStatus[status] ?? 0;
        const name = translate(`enums.membershipStatus.${status}`, { _: status });
        return (
          <li key={status}>
            <ButtonBase
              component={LinkBase}
              to={listUrl('organizations', { membershipStatus: status })}
              data-testid={`dashboard-status-${status}`}
              sx={{
                ...focusRing,
                width: '100%',
                display: 'block',
                textAlign: 'left',
                p: 1,
                borderRadius: 1,
                bgcolor: status === 'active' ? 'primary.main' : 'grey.100',
                color: status === 'active' ? 'primary.contrastText' : 'text.primary',
                '&:hover': { bgcolor: status === 'active' ? 'primary.dark' : 'grey.200' },
              }}
            >
              <Typography
                component="span"
                sx={{ display: 'block', fontSize: '1.5rem', fontWeight: 600, lineHeight: 1.2 }}
              >
                {format.number(count)}
              </Typography>
              <Typography component="span" variant="caption" sx={{ display: 'block' }}>
                {name}
              </Typography>
            </ButtonBase>
          </li>
        );
      })}
    </Box>
  );
};

const PendingApplications = ({ pending }: { pending: AllianceDashboardDto['pendingApplications'] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const { canAccess: canReview } = useCanAccess({ action: 'list', resource: 'applications' });
  return (
    <DashCard
      title={translate('unidos.dashboard.pending.title')}
      testId="dashboard-applications"
      action={
        canReview ? (
          <HeaderLink to="/applications">{translate('unidos.dashboard.pending.review')}</HeaderLink>
        ) : undefined
      }
    >
      <Typography component="p" sx={{ mb: 1, fontWeight: 600 }}>
        {pending.total === 0
          ? translate('unidos.dashboard.pending.none')
          : translate('unidos.dashboard.pending.count', { smart_count: pending.total })}
      </Typography>
      {pending.latest.length > 0 ? (
        <PlainList label={translate('unidos.dashboard.pending.title')}>
          {pending.latest.map((application) => (
            <li key={application.id}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {canReview ? (
                  <TextLink to={showUrl('applications', application.id)}>{application.name}</TextLink>
                ) : (
                  application.name
                )}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                {translate(`enums.state.${application.state}`, { _: application.state })}
                {application.appliedAt
                  ? ` · ${translate('unidos.dashboard.pending.applied', { date: format.day(application.appliedAt) })}`
                  : ''}
              </Typography>
            </li>
          ))}
        </PlainList>
      ) : null}
    </DashCard>
  );
};

const DuesLapsing = ({ dues }: { dues: AllianceDashboardDto['duesLapsing'] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const today = todayIso();
  return (
    <DashCard title={translate('unidos.dashboard.dues.title')} testId="dashboard-dues">
      {dues.length === 0 ? (
        <Muted>{translate('unidos.dashboard.dues.none')}</Muted>
      ) : (
        <PlainList label={translate('unidos.dashboard.dues.title')}>
          {dues.map((organization) => {
            const lapsed = !organization.duesPaidThrough || organization.duesPaidThrough < today;
            return (
              <li key={organization.id}>
                <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    <TextLink to={showUrl('organizations', organization.id)}>{organization.name}</TextLink>
                  </Typography>
                  {lapsed ? (
                    <Chip
                      size="small"
                      variant="outlined"
                      label={translate('unidos.dashboard.dues.lapsed')}
                      sx={{ color: WARNING_TEXT, borderColor: WARNING_TEXT }}
                    />
                  ) : null}
                </Stack>
                <Typography variant="caption" color="text.secondary" component="p">
                  {organization.duesPaidThrough
                    ? translate('unidos.dashboard.dues.paid_through', {
                        date: format.day(organization.duesPaidThrough),
                      })
                    : translate('unidos.dashboard.dues.never_paid')}
                  {organization.duesTier
                    ? ` · ${translate(`enums.duesTier.${organization.duesTier}`, { _: organization.duesTier })}`
                    : ''}
                </Typography>
              </li>
            );
          })}
        </PlainList>
      )}
    </DashCard>
  );
};

const ENTITY_RESOURCES: Record<string, string> = {
  organization: 'organizations',
  campaign: 'campaigns',
  event: 'events',
};

const RecentActivity = ({ activity }: { activity: AllianceDashboardDto['recentActivity'] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <DashCard
      title={translate('unidos.dashboard.activity.title')}
      testId="dashboard-activity"
      action={<HeaderLink to="/audit-events">{translate('unidos.dashboard.activity.open_log')}</HeaderLink>}
    >
      {activity.length === 0 ? (
        <Muted>{translate('unidos.dashboard.activity.none')}</Muted>
      ) : (
        <PlainList label={translate('unidos.dashboard.activity.title')}>
          {activity.map((row) => {
            const resource = ENTITY_RESOURCES[row.entityType];
            return (
              <Box
                component="li"
                key={row.id}
                sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}
              >
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {translate(`unidos.audit.actions.${row.action}`, { _: row.action })}
                </Typography>
                {row.entityName ? (
                  <Typography variant="body2">
                    {resource && row.entityId ? (
                      <TextLink to={showUrl(resource, row.entityId)}>{row.entityName}</TextLink>
                    ) : (
                      row.entityName
                    )}
                  </Typography>
                ) : null}
                <Typography variant="caption" color="text.secondary" sx={{ ml: { sm: 'auto' } }}>
                  {row.actorName ?? translate('unidos.dashboard.activity.system')} ·{' '}
                  <time dateTime={row.at} title={formatDateTime(format.locale, row.at)}>
                    {formatRelative(format.locale, row.at)}
                  </time>
                </Typography>
              </Box>
            );
          })}
        </PlainList>
      )}
    </DashCard>
  );
};
