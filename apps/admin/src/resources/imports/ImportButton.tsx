import { Button, IconButton, Tooltip, useMediaQuery, type Theme } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { LinkBase, usePermissions, useTranslate } from 'react-admin';
import { canImport } from '../../providers/importPermissions';
import type { ImportKind } from './types';

export const importPath = (kind: ImportKind) => `/imports/create?kind=${kind}`;

/**
 * "Import CSV" beside a list's export: opens the import steps for this kind of record. Shown only
 * to the role that may import it (coordinators: people; alliance admins: organizations, pledges).
 * On a phone, where the list's toolbar has no room for words, it is an icon with the same name.
 */
export const ImportButton = ({
  kind,
  variant = 'text',
  labelled = false,
}: {
  kind: ImportKind;
  variant?: 'text' | 'contained';
  /** Name the kind ("Import people") where the page offers several kinds. */
  labelled?: boolean;
}) => {
  const translate = useTranslate();
  const role: unknown = usePermissions().permissions;
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (!canImport(role, kind)) return null;
  const label = translate(labelled ? `unidos.imports.import_kind.${kind}` : 'unidos.imports.import_csv');
  if (phone && variant === 'text') {
    return (
      <Tooltip title={label}>
        <IconButton color="primary" component={LinkBase} to={importPath(kind)} aria-label={label}>
          <UploadFileIcon />
        </IconButton>
      </Tooltip>
    );
  }
  return (
    <Button
      size={variant === 'text' ? 'small' : 'medium'}
      variant={variant}
      component={LinkBase}
      to={importPath(kind)}
      startIcon={<UploadFileIcon />}
    >
      {label}
    </Button>
  );
};
