import { useState } from 'react';
import { Button } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import {
  Confirm,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { OrganizationDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorStatus } from '../../providers/payload';

/** Approve, after a confirmation; then opens the organization in the member directory. */
export const ApproveButton = () => {
  const record = useRecordContext<OrganizationDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!record) return null;

  const approve = async () => {
    setSaving(true);
    try {
      await dataProvider.approveApplication(record.id, record.version);
      setOpen(false);
      notify('unidos.applications.approved', { type: 'success', messageArgs: { name: record.name } });
      redirect('show', 'organizations', record.id);
    } catch (error) {
      setOpen(false);
      // 409: someone decided first; the API's message says how. Reload to show the current state.
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      if (errorStatus(error) === 409) refresh();
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button variant="contained" size="small" startIcon={<CheckIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.applications.approve')}
      </Button>
      <Confirm
        isOpen={open}
        loading={saving}
        title="unidos.applications.approve_title"
        titleTranslateOptions={{ name: record.name }}
        content="unidos.applications.approve_content"
        confirm="unidos.applications.approve"
        onConfirm={() => void approve()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
