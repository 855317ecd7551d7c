import { useMemo } from 'react';
import { Box, Chip, Grid, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { OrganizationDashboardDto } from '@unidos/contracts';
import { EventItems } from './EventItems';
import { listUrl, percentOf } from './format';
import {
  CampaignGoals,
  DashCard,
  HeaderLink,
  Meter,
  Muted,
  PledgeItems,
  PlainList,
  useDashboardFormat,
} from './parts';

/**
 * An organization's view: its open pledges, its upcoming events with its own RSVPs, the campaigns
 * it endorses, its people in numbers (never names), and its part of the coalition's totals.
 */
export const OrganizationDashboard = ({ data }: { data: OrganizationDashboardDto }) => {
  const translate = useTranslate();
  const campaignNames = useMemo(
    () =>
      new Map([
        ...data.endorsedCampaigns.map((c): [string, string] => [c.id, c.name]),
        ...data.contributions.map((c): [string, string] => [c.campaignId, c.campaignName]),
      ]),
    [data.endorsedCampaigns, data.contributions],
  );
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashCard
          title={translate('unidos.dashboard.pledges.open_title')}
          testId="dashboard-our-pledges"
          action={
            <HeaderLink to={listUrl('pledges', { organizationId: data.organizationId, status: 'open' })}>
              {translate('unidos.dashboard.see_all')}
            </HeaderLink>
          }
        >
          {data.openPledges.length === 0 ? (
            <Muted>{translate('unidos.dashboard.pledges.none_open')}</Muted>
          ) : (
            <PledgeItems
              pledges={data.openPledges}
              campaignNames={campaignNames}
              showOrganization={false}
              label={translate('unidos.dashboard.pledges.open_title')}
            />
          )}
        </DashCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashCard title={translate('unidos.dashboard.events.our_title')} testId="dashboard-our-events">
          {data.upcomingEvents.length === 0 ? (
            <Muted>{translate('unidos.dashboard.events.none_ours')}</Muted>
          ) : (
            <EventItems events={data.upcomingEvents} label={translate('unidos.dashboard.events.our_title')} />
          )}
        </DashCard>
      </Grid>
      <Grid size={12}>
        <DashCard
          title={translate('unidos.dashboard.campaigns.endorsed_title')}
          testId="dashboard-endorsed-campaigns"
        >
          <CampaignGoals
            campaigns={data.endorsedCampaigns}
            empty={translate('unidos.dashboard.campaigns.none_endorsed')}
          />
        </DashCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <OurPeople people={data.people} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Contributions contributions={data.contributions} />
      </Grid>
    </Grid>
  );
};

const CountList = ({
  label,
  counts,
  group,
}: {
  label: string;
  counts: Record<string, number>;
  group: string;
}) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const entries = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <Box>
      <Typography component="h3" variant="subtitle2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {label}
      </Typography>
      <Box
        component="ul"
        aria-label={label}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, listStyle: 'none', m: 0, p: 0 }}
      >
        {entries.map(([key, n]) => (
          <li key={key}>
            <Chip
              size="small"
              variant="outlined"
              label={`${translate(`enums.${group}.${key}`, { _: key })}: ${format.number(n)}`}
            />
          </li>
        ))}
      </Box>
    </Box>
  );
};

const OurPeople = ({ people }: { people: OrganizationDashboardDto['people'] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <DashCard
      title={translate('unidos.dashboard.people')}
      testId="dashboard-our-people"
      action={<HeaderLink to="/people">{translate('unidos.dashboard.open_people')}</HeaderLink>}
    >
      <Typography component="p" sx={{ fontSize: '1.75rem', fontWeight: 600, lineHeight: 1.2, mb: 1 }}>
        {translate('unidos.dashboard.people_total', {
          smart_count: people.total,
          _: format.number(people.total),
        })}
      </Typography>
      {people.total === 0 ? (
        <Muted>{translate('unidos.dashboard.our_people.none')}</Muted>
      ) : (
        <Stack spacing={1.5}>
          <CountList
            label={translate('unidos.dashboard.our_people.by_role')}
            counts={people.byRole}
            group="personRole"
          />
          <CountList
            label={translate('unidos.dashboard.our_people.by_language')}
            counts={people.byLanguage}
            group="language"
          />
        </Stack>
      )}
    </DashCard>
  );
};

const Contributions = ({ contributions }: { contributions: OrganizationDashboardDto['contributions'] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <DashCard title={translate('unidos.dashboard.contributions.title')} testId="dashboard-contributions">
      {contributions.length === 0 ? (
        <Muted>{translate('unidos.dashboard.contributions.none')}</Muted>
      ) : (
        <PlainList label={translate('unidos.dashboard.contributions.title')}>
          {contributions.map((row) => {
            const share = percentOf(row.ourReported, row.coalitionReported);
            const sentence = translate('unidos.dashboard.contributions.sentence', {
              ours: format.number(row.ourReported, row.metric),
              total: format.number(row.coalitionReported, row.metric),
              unit: format.unit(row.metric),
            });
            return (
              <li key={`${row.campaignId}-${row.metric}`}>
                <Typography variant="caption" color="text.secondary" component="p">
                  {row.campaignName}
                </Typography>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {sentence}
                </Typography>
                <Box sx={{ my: 0.5 }}>
                  <Meter
                    value={share}
                    label={`${row.campaignName}: ${sentence}`}
                    valueText={format.percent(share)}
                  />
                </Box>
                <Typography variant="caption" color="text.secondary" component="p">
                  {translate('unidos.dashboard.contributions.share', { percent: format.percent(share) })}
                  {row.target
                    ? ` · ${translate('unidos.dashboard.contributions.target', { target: format.number(row.target, row.metric) })}`
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
