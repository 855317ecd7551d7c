import { Box, Typography } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAddAlt1';
import { CreateButton, useCanAccess, usePermissions, useTranslate } from 'react-admin';
import { isAllianceRole } from '../../providers/permissions';

/** Shown when the organization keeps nobody yet: invites a coordinator to add the first person. */
export const PeopleEmpty = () => {
  const translate = useTranslate();
  const permissions: unknown = usePermissions().permissions;
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: 'people' });
  const alliance = isAllianceRole(permissions);
  return (
    <Box sx={{ textAlign: 'center', mt: 6, mx: 'auto', maxWidth: 520 }}>
      <PersonAddIcon sx={{ fontSize: 72, color: 'text.disabled' }} aria-hidden />
      <Typography component="h2" variant="h6" gutterBottom>
        {translate(alliance ? 'unidos.people.empty_public' : 'unidos.people.empty_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate(
          alliance
            ? 'unidos.people.empty_public_body'
            : canCreate
              ? 'unidos.people.empty_body'
              : 'unidos.people.empty_body_viewer',
        )}
      </Typography>
      {canCreate ? <CreateButton variant="contained" label="unidos.people.add_first" /> : null}
    </Box>
  );
};
