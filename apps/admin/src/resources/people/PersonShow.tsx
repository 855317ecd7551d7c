import { Grid, Stack } from '@mui/material';
import {
  BooleanField,
  EditButton,
  EmailField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { EnumField, LocalDateField, PhoneField } from '../../common/fields';
import { Section } from '../../common/Section';
import { isAllianceRole } from '../../providers/permissions';
import { EraseButton } from './EraseButton';
import { flagLabel, SAFETY_FLAGS, VisibilityField } from './fields';

/** Edit and Erase show only for the organization's coordinators (react-admin asks `canAccess`). */
const ShowActions = () => (
  <TopToolbar>
    <EditButton />
    <EraseButton />
  </TopToolbar>
);

const PersonDetails = () => {
  const translate = useTranslate();
  const permissions: unknown = usePermissions().permissions;
  const alliance = isAllianceRole(permissions);
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={translate('unidos.people.person')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              <TextField source="displayName" />
              {alliance ? (
                <ReferenceField source="organizationId" reference="organizations" link="show" />
              ) : null}
              <EnumField source="role" group="personRole" />
              <EnumField source="preferredLanguage" group="language" />
              <EmailField source="email" emptyText="—" />
              <PhoneField source="phone" />
              {alliance ? null : <VisibilityField label="resources.people.fields.visibility" />}
              {alliance ? null : <LocalDateField source="createdAt" />}
              {alliance ? null : <LocalDateField source="updatedAt" showTime />}
            </SimpleShowLayout>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={translate('unidos.people.safety')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              {SAFETY_FLAGS.map((flag) => (
                <BooleanField key={flag} source={flag} label={flagLabel(flag)} />
              ))}
            </SimpleShowLayout>
          </Section>
        </Grid>
      </Grid>
      {/* The note is the organization's own; alliance roles only see a public contact's details. */}
      {alliance ? null : (
        <Section title={translate('resources.people.fields.note')}>
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="note" label={false} emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
          </SimpleShowLayout>
        </Section>
      )}
    </Stack>
  );
};

export const PersonShow = () => (
  <Show actions={<ShowActions />}>
    <PersonDetails />
  </Show>
);
