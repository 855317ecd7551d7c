import { Alert, Box, Button, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import CampaignIcon from '@mui/icons-material/Campaign';
import {
  EditButton,
  LinkBase,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { DemandDto, PledgeDto } from '@unidos/contracts';
import { EmptyValue, LocalDateField } from '../../common/fields';
import { Section } from '../../common/Section';
import {
  EnumTextField,
  OrganizationLink,
  PledgeStatusField,
  QuantityField,
  useCaller,
  useCampaignFormat,
} from '../campaigns/fields';
import { barValue } from '../campaigns/format';
import { PledgeReports, ReportProgressForm } from './ReportProgress';

const BackToCampaign = () => {
  const translate = useTranslate();
  const record = useRecordContext<PledgeDto>();
  if (!record) return null;
  return (
    <Button
      size="small"
      component={LinkBase}
      to={`/campaigns/${encodeURIComponent(record.campaignId)}/show`}
      startIcon={<CampaignIcon />}
    >
      {translate('unidos.pledges.to_campaign')}
    </Button>
  );
};

/** Edit shows only for alliance roles and the pledging organization's coordinators (`canAccess`). */
const ShowActions = () => (
  <TopToolbar>
    <BackToCampaign />
    <EditButton />
  </TopToolbar>
);

/** "200 of 500 calls (40%)" with a big bar. */
const BigProgress = ({ pledge }: { pledge: PledgeDto }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const text = translate('unidos.pledges.progress_line', {
    reported: format.quantity(pledge.reported, pledge.metric),
    quantity: format.quantity(pledge.quantity, pledge.metric),
    unit: format.unit(pledge.metric),
    percent: format.percent(pledge.percent),
  });
  return (
    <Box>
      <Typography
        variant="h5"
        component="p"
        sx={{ fontVariantNumeric: 'tabular-nums', mb: 1 }}
        data-testid="pledge-progress"
      >
        {text}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={barValue(pledge.percent)}
        color={pledge.status === 'fulfilled' ? 'success' : 'primary'}
        aria-label={translate('unidos.pledges.progress_aria')}
        aria-valuetext={text}
        sx={{ height: 16, borderRadius: 8 }}
      />
      <Box sx={{ mt: 1 }}>
        <PledgeStatusField />
      </Box>
    </Box>
  );
};

/** The demand the pledge supports, in the UI language. */
const DemandText = (_props: { label?: string }) => {
  const format = useCampaignFormat();
  const record = useRecordContext<PledgeDto>();
  const { data } = useGetOne<DemandDto>(
    'demands',
    { id: record?.demandId ?? '' },
    { enabled: Boolean(record?.demandId) },
  );
  if (!record?.demandId) return <EmptyValue />;
  return <Typography variant="body2">{data ? format.demand(data) : '…'}</Typography>;
};

const PledgePage = () => {
  const translate = useTranslate();
  const pledge = useRecordContext<PledgeDto>();
  const { alliance, coordinator, organizationId } = useCaller();
  if (!pledge) return null;
  const canReport = alliance || (coordinator && pledge.organizationId === organizationId);

  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Section title={translate('unidos.pledges.progress')}>
        <BigProgress pledge={pledge} />
      </Section>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={translate('unidos.pledges.details')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              <ReferenceField source="campaignId" reference="campaigns" />
              <OrganizationLink source="organizationId" label="resources.pledges.fields.organizationId" />
              <EnumTextField source="metric" group="pledgeMetric" />
              <QuantityField source="quantity" />
              <QuantityField source="reported" />
              <LocalDateField source="dueOn" />
              <DemandText label="resources.pledges.fields.demandId" />
              <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
              <LocalDateField source="createdAt" />
            </SimpleShowLayout>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack spacing={2}>
            {canReport ? (
              <Section title={translate('unidos.pledges.report.title')}>
                {pledge.status === 'cancelled' ? (
                  <Alert severity="warning">{translate('unidos.pledges.report.cancelled')}</Alert>
                ) : (
                  <ReportProgressForm pledge={pledge} />
                )}
              </Section>
            ) : null}
            <Section title={translate('unidos.pledges.report.list_title')}>
              <PledgeReports metric={pledge.metric} />
            </Section>
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
};

export const PledgeShow = () => (
  <Show actions={<ShowActions />}>
    <PledgePage />
  </Show>
);
