import { useEffect } from 'react';
import { Grid } from '@mui/material';
import {
  AutocompleteInput,
  email,
  maxLength,
  minLength,
  PasswordInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { ORG_ROLES, type UserRole } from '@unidos/contracts';
import { ROLE_CHOICES, UI_LOCALE_CHOICES, USER_STATUS_CHOICES } from '../../common/choices';

const isOrgRole = (role: unknown) => ORG_ROLES.includes(role as UserRole);

/**
 * The organization input only exists for organization roles (required there); choosing an
 * alliance role clears it, since alliance roles belong to no organization.
 */
const OrganizationInput = () => {
  const role: unknown = useWatch({ name: 'role' });
  const { setValue, getValues } = useFormContext();
  const orgRole = isOrgRole(role);
  useEffect(() => {
    if (!orgRole && getValues('organizationId')) setValue('organizationId', null, { shouldDirty: true });
  }, [orgRole, getValues, setValue]);
  if (!orgRole) return null;
  return (
    <ReferenceInput source="organizationId" reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        optionText="name"
        validate={required()}
        helperText="unidos.users.organization_help"
        filterToQuery={(q: string) => (q ? { q } : {})}
      />
    </ReferenceInput>
  );
};

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const UserForm = ({ mode }: { mode: 'create' | 'edit' }) => (
  <SimpleForm
    toolbar={<SaveOnlyToolbar />}
    warnWhenUnsavedChanges
    defaultValues={mode === 'create' ? { preferredLanguage: 'es', role: 'org_coordinator' } : undefined}
    sx={{ maxWidth: 720 }}
  >
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="displayName" validate={[required(), maxLength(120)]} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput
          source="email"
          type="email"
          autoComplete="off"
          validate={[required(), email(), maxLength(254)]}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="role" choices={ROLE_CHOICES} validate={required()} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <OrganizationInput />
      </Grid>
      {/* A new user is always active (the API refuses `status` on create). */}
      {mode === 'edit' ? (
        <Grid size={{ xs: 12, md: 6 }}>
          <SelectInput
            source="status"
            choices={USER_STATUS_CHOICES}
            validate={required()}
            helperText="unidos.users.disabled_help"
          />
        </Grid>
      ) : null}
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="preferredLanguage" choices={UI_LOCALE_CHOICES} validate={required()} />
      </Grid>
      {mode === 'create' ? (
        <Grid size={{ xs: 12, md: 6 }}>
          <PasswordInput
            source="password"
            autoComplete="new-password"
            validate={[required(), minLength(12), maxLength(200)]}
            helperText="unidos.users.password_help"
          />
        </Grid>
      ) : null}
    </Grid>
  </SimpleForm>
);
