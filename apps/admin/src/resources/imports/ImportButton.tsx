import { Button } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { LinkBase, usePermissions, useTranslate } from 'react-admin';
import { canImport } from '../../providers/importPermissions';
import type { ImportKind } from './types';

export const importPath = (kind: ImportKind) => `/imports/create?kind=${kind}`;

/**
 * "Import CSV" beside a list's export: opens the import steps for this kind of record. Shown only
 * to the role that may import it (coordinators: people; alliance admins: organizations, pledges).
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
  if (!canImport(role, kind)) return null;
  return (
    <Button
      size={variant === 'text' ? 'small' : 'medium'}
      variant={variant}
      component={LinkBase}
      to={importPath(kind)}
      startIcon={<UploadFileIcon />}
    >
      {translate(labelled ? `unidos.imports.import_kind.${kind}` : 'unidos.imports.import_csv')}
    </Button>
  );
};
