import { Grid, Stack } from '@mui/material';
import {
  EditButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CampaignDetailDto } from '@unidos/contracts';
import { LocalDateField } from '../../common/fields';
import { Section } from '../../common/Section';
import { EndorseButton, PledgeButton, ShareLink } from './CampaignActions';
import { DemandsSection } from './DemandsSection';
import { EndorsementsSection } from './EndorsementsSection';
import { EnumChipField, QuantityField, useCaller } from './fields';
import { GoalsSection } from './GoalsSection';
import { OrganizationsProgress, OverduePledges, RegionsProgress } from './ProgressTables';
import { useCampaignProgress } from './useCampaignProgress';

/** Edit shows only for alliance roles (react-admin asks `canAccess`). */
const ShowActions = () => (
  <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
    <EndorseButton />
    <PledgeButton />
    <EditButton />
  </TopToolbar>
);

/**
 * The campaign's page: what it is and what it demands, how far its goals are, who pledged what
 * (by organization and region, and what is overdue), who endorses it, and the public form to share.
 */
const CampaignPage = () => {
  const translate = useTranslate();
  const campaign = useRecordContext<CampaignDetailDto>();
  const { alliance } = useCaller();
  const progress = useCampaignProgress(campaign?.id);
  if (!campaign) return null;

  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack spacing={2}>
            <Section title={translate('unidos.campaigns.overview')}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <EnumChipField source="status" group="campaignStatus" />
                {campaign.summary ? <TextField source="summary" sx={{ whiteSpace: 'pre-line' }} /> : null}
                <LocalDateField source="startsOn" />
                <LocalDateField source="endsOn" />
                <ReferenceField source="leadOrganizationId" reference="organizations" emptyText="—" />
                <QuantityField source="endorsementCount" />
              </SimpleShowLayout>
              <ShareLink campaign={campaign} />
            </Section>
            <Section title={translate('unidos.campaigns.demands')}>
              <DemandsSection campaign={campaign} canManage={alliance} />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={translate('unidos.campaigns.goals_progress')}>
            <GoalsSection
              campaign={campaign}
              progress={progress.data?.goals}
              isPending={progress.isPending}
              isError={progress.isError}
              canManage={alliance}
            />
          </Section>
        </Grid>
      </Grid>
      {progress.data ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, xl: 6 }}>
            <Section title={translate('unidos.progress.by_organization')}>
              <OrganizationsProgress progress={progress.data} />
            </Section>
          </Grid>
          <Grid size={{ xs: 12, xl: 6 }}>
            <Section title={translate('unidos.progress.by_region')}>
              <RegionsProgress progress={progress.data} />
            </Section>
          </Grid>
          <Grid size={12}>
            <Section title={translate('unidos.progress.overdue')}>
              <OverduePledges progress={progress.data} />
            </Section>
          </Grid>
        </Grid>
      ) : null}
      <Section title={translate('unidos.campaigns.endorsements')}>
        <EndorsementsSection campaign={campaign} />
      </Section>
    </Stack>
  );
};

export const CampaignShow = () => (
  <Show actions={<ShowActions />}>
    <CampaignPage />
  </Show>
);
