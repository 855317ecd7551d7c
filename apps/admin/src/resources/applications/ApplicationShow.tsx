import { Grid, Stack } from '@mui/material';
import { Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import type { OrganizationDetailDto } from '@unidos/contracts';
import {
  EnumChipsField,
  EnumField,
  LocalDateField,
  MembershipStatusField,
  PhoneField,
  WebsiteField,
} from '../../common/fields';
import { Section } from '../../common/Section';
import { PublicContacts } from '../organizations/PublicContacts';
import { ApproveButton } from './ApproveButton';
import { RejectButton } from './RejectButton';

/** Approve / Reject while the application is pending; nothing once it is decided. */
const ApplicationActions = () => {
  const record = useRecordContext<OrganizationDetailDto>();
  return (
    <TopToolbar sx={{ gap: 1 }}>
      {record?.membershipStatus === 'applicant' ? (
        <>
          <RejectButton />
          <ApproveButton />
        </>
      ) : null}
    </TopToolbar>
  );
};

const ApplicationDetails = () => {
  const translate = useTranslate();
  const record = useRecordContext<OrganizationDetailDto>();
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={translate('unidos.applications.applicant')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              <TextField source="name" />
              <EnumField source="kind" group="kind" />
              <TextField source="city" emptyText="—" />
              <EnumField source="state" group="state" />
              <EnumChipsField source="focusAreas" group="focusArea" />
              <EnumChipsField source="languages" group="language" />
              <WebsiteField source="website" />
              <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
            </SimpleShowLayout>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={translate('resources.applications.fields.membershipStatus')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              <MembershipStatusField source="membershipStatus" />
              <LocalDateField source="appliedAt" showTime />
              {record.decidedAt ? <LocalDateField source="decidedAt" showTime /> : null}
              {record.decisionReason ? <TextField source="decisionReason" /> : null}
              {record.publicEmail ? <TextField source="publicEmail" /> : null}
              {record.publicPhone ? <PhoneField source="publicPhone" /> : null}
            </SimpleShowLayout>
          </Section>
        </Grid>
      </Grid>
      <Section title={translate('unidos.applications.primary_contact')}>
        <PublicContacts />
      </Section>
    </Stack>
  );
};

export const ApplicationShow = () => (
  <Show actions={<ApplicationActions />}>
    <ApplicationDetails />
  </Show>
);
