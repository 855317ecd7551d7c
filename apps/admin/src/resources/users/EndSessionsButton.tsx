import { useState } from 'react';
import { Button } from '@mui/material';
import LogoutIcon from '@mui/icons-material/Logout';
import { Confirm, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { UserDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';

/** Signs a user out on every device at once (`POST /api/users/:id/end-sessions`), after a confirmation. */
export const EndSessionsButton = () => {
  const record = useRecordContext<UserDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const endAll = async () => {
    setBusy(true);
    try {
      const { ended } = await dataProvider.endUserSessions(record.id);
      notify('unidos.users.sessions_ended', { type: 'success', messageArgs: { smart_count: ended } });
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'unidos.errors.generic';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button size="small" color="error" startIcon={<LogoutIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.users.end_sessions')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="unidos.users.end_sessions_title"
        titleTranslateOptions={{ name: record.displayName }}
        content="unidos.users.end_sessions_content"
        confirm="unidos.users.end_sessions"
        confirmColor="warning"
        onConfirm={() => void endAll()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
