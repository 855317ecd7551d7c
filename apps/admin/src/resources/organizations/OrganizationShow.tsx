import { Grid, Stack } from '@mui/material';
import {
  EditButton,
  EmailField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
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
import { MembershipHistory } from './MembershipHistory';
import { PublicContacts } from './PublicContacts';

/** Edit shows only for who may edit this organization (react-admin asks `canAccess` with the record). */
const ShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const OrganizationDetails = () => {
  const translate = useTranslate();
  const record = useRecordContext<OrganizationDetailDto>();
  if (!record) return null;
  const hasDues = record.duesTier !== undefined || record.duesPaidThrough !== undefined;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={translate('unidos.organizations.profile')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              <TextField source="name" />
              <EnumField source="kind" group="kind" />
              <EnumChipsField source="focusAreas" group="focusArea" />
              <EnumChipsField source="languages" group="language" />
              <TextField source="city" emptyText="—" />
              <EnumField source="state" group="state" />
              <ReferenceField source="regionId" reference="regions" emptyText="—" />
              <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
            </SimpleShowLayout>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Stack spacing={2}>
            <Section title={translate('unidos.organizations.membership')}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <MembershipStatusField source="membershipStatus" />
                <LocalDateField source="appliedAt" />
                {record.approvedAt ? <LocalDateField source="approvedAt" /> : null}
                {record.decidedAt ? <LocalDateField source="decidedAt" /> : null}
                {record.decisionReason ? <TextField source="decisionReason" /> : null}
                {record.principlesSignedAt ? <LocalDateField source="principlesSignedAt" /> : null}
                {hasDues ? <EnumField source="duesTier" group="duesTier" /> : null}
                {hasDues ? <LocalDateField source="duesPaidThrough" /> : null}
              </SimpleShowLayout>
            </Section>
            <Section title={translate('unidos.organizations.public_details')}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <WebsiteField source="website" />
                <EmailField source="publicEmail" emptyText="—" />
                <PhoneField source="publicPhone" />
              </SimpleShowLayout>
            </Section>
          </Stack>
        </Grid>
      </Grid>
      <Section title={translate('unidos.organizations.contacts')}>
        <PublicContacts />
      </Section>
      <Section title={translate('unidos.organizations.history')}>
        <MembershipHistory />
      </Section>
    </Stack>
  );
};

export const OrganizationShow = () => (
  <Show actions={<ShowActions />}>
    <OrganizationDetails />
  </Show>
);
