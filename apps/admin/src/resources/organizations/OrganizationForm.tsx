import { Grid } from '@mui/material';
import {
  AutocompleteArrayInput,
  DateInput,
  email,
  maxLength,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { OrganizationDto } from '@unidos/contracts';
import {
  DUES_TIER_CHOICES,
  FOCUS_AREA_CHOICES,
  KIND_CHOICES,
  LANGUAGE_CHOICES,
  membershipStatusChoicesFrom,
  MEMBERSHIP_STATUS_CHOICES,
  STATE_CHOICES,
} from '../../common/choices';
import { FormSection } from '../../common/Section';
import { atMost, webAddress } from '../../common/validators';
import { isAllianceAdmin } from '../../providers/permissions';

export const validateName = [required(), maxLength(160)];
export const validateWebsite = [webAddress, maxLength(300)];

/** A new organization is either a member already or an applicant (the API allows only these). */
const CREATE_STATUS_CHOICES = MEMBERSHIP_STATUS_CHOICES.filter(
  ({ id }) => id === 'active' || id === 'applicant',
);

/** Save only: organizations are never deleted, their membership ends by status. */
const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * The organization form. Everyone who may edit sees the profile fields; alliance admins also see
 * the region and the membership fields (the API refuses them from anyone else anyway).
 */
export const OrganizationForm = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  const permissions: unknown = usePermissions().permissions;
  const record = useRecordContext<OrganizationDto>();
  const admin = isAllianceAdmin(permissions);

  return (
    <SimpleForm
      toolbar={<FormToolbar />}
      warnWhenUnsavedChanges
      defaultValues={
        mode === 'create' ? { membershipStatus: 'active', focusAreas: [], languages: [] } : undefined
      }
      sx={{ maxWidth: 960 }}
    >
      <FormSection title={translate('unidos.organizations.profile')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextInput source="name" validate={validateName} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput source="city" validate={[required(), maxLength(120)]} />
        </Grid>
        <Grid size={{ xs: 12, md: admin ? 3 : 6 }}>
          <SelectInput source="state" choices={STATE_CHOICES} validate={required()} />
        </Grid>
        {admin ? (
          <Grid size={{ xs: 12, md: 3 }}>
            <ReferenceInput source="regionId" reference="regions" sort={{ field: 'name', order: 'ASC' }}>
              <SelectInput optionText="name" emptyText="unidos.common.not_set" />
            </ReferenceInput>
          </Grid>
        ) : null}
        <Grid size={12}>
          <AutocompleteArrayInput source="focusAreas" choices={FOCUS_AREA_CHOICES} />
        </Grid>
        <Grid size={12}>
          <AutocompleteArrayInput source="languages" choices={LANGUAGE_CHOICES} validate={atMost(20)} />
        </Grid>
        <Grid size={12}>
          <TextInput source="description" multiline minRows={3} validate={maxLength(4000)} />
        </Grid>
      </Grid>

      <FormSection title={translate('unidos.organizations.public_details')} />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput
            source="website"
            type="url"
            validate={validateWebsite}
            helperText="unidos.join.website_help"
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput source="publicEmail" type="email" validate={[email(), maxLength(254)]} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput source="publicPhone" type="tel" validate={maxLength(30)} />
        </Grid>
      </Grid>

      {admin ? (
        <>
          <FormSection title={translate('unidos.organizations.membership')} />
          <Grid container columnSpacing={2} sx={{ width: '100%' }}>
            <Grid size={{ xs: 12, md: 4 }}>
              <SelectInput
                source="membershipStatus"
                choices={
                  mode === 'edit'
                    ? membershipStatusChoicesFrom(record?.membershipStatus)
                    : CREATE_STATUS_CHOICES
                }
                validate={required()}
                helperText={mode === 'edit' ? 'unidos.organizations.status_help' : false}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <SelectInput source="duesTier" choices={DUES_TIER_CHOICES} emptyText="unidos.common.not_set" />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <DateInput source="duesPaidThrough" />
            </Grid>
          </Grid>
        </>
      ) : null}
    </SimpleForm>
  );
};
