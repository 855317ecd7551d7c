import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import LogoutIcon from '@mui/icons-material/Logout';
import { useQuery } from '@tanstack/react-query';
import { Confirm, useDataProvider, useLogout, useNotify, useTranslate } from 'react-admin';
import type { SessionDto } from '@unidos/contracts';
import { VisuallyHidden } from '../../common/VisuallyHidden';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorMessage, useFormatDateTime } from './common';

/**
 * The account's active sessions (`GET /api/auth/sessions`): when each started and was last used,
 * which one is this browser; end any of them, or all at once ("Sign out everywhere").
 */
export const SessionsCard = ({ locked }: { locked: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const when = useFormatDateTime();
  const [confirmAll, setConfirmAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: () => dataProvider.getSessions(),
    enabled: !locked,
  });

  const end = async (session: SessionDto) => {
    setBusy(true);
    try {
      await dataProvider.endSession(session.id);
      if (session.current) {
        await logout({ sessionEnded: true });
        return;
      }
      notify('unidos.security.session_ended', { type: 'info' });
      await refetch();
    } catch (err) {
      notify(errorMessage(err), { type: 'error', messageArgs: { _: errorMessage(err) } });
    } finally {
      setBusy(false);
    }
  };

  const endAll = async () => {
    setBusy(true);
    try {
      await dataProvider.logoutEverywhere();
      setConfirmAll(false);
      await logout({ sessionEnded: true });
    } catch (err) {
      setConfirmAll(false);
      notify(errorMessage(err), { type: 'error', messageArgs: { _: errorMessage(err) } });
    } finally {
      setBusy(false);
    }
  };

  const sessions = [...(data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('unidos.security.sessions')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('unidos.security.sessions_help')}
        </Typography>
        {locked ? (
          <Alert severity="info">{translate('unidos.security.sessions_locked')}</Alert>
        ) : error ? (
          <Alert severity="warning">{translate('unidos.security.sessions_error')}</Alert>
        ) : isPending ? (
          <Typography color="text.secondary">{translate('unidos.common.loading')}</Typography>
        ) : (
          <>
            <Table size="small" aria-label={translate('unidos.security.sessions')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('unidos.security.created')}</TableCell>
                  <TableCell>{translate('unidos.security.last_seen')}</TableCell>
                  <TableCell>
                    <VisuallyHidden>{translate('unidos.security.actions')}</VisuallyHidden>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {sessions.map((session) => (
                  <TableRow key={session.id} selected={session.current}>
                    <TableCell>
                      <time dateTime={session.createdAt}>{when(session.createdAt)}</time>
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                        <time dateTime={session.lastSeenAt}>{when(session.lastSeenAt)}</time>
                        {session.current ? (
                          <Chip
                            size="small"
                            color="primary"
                            label={translate('unidos.security.this_device')}
                          />
                        ) : null}
                      </Stack>
                    </TableCell>
                    <TableCell align="right">
                      <Button
                        size="small"
                        color={session.current ? 'inherit' : 'error'}
                        disabled={busy}
                        onClick={() => void end(session)}
                        aria-label={translate(
                          session.current ? 'unidos.security.end_this' : 'unidos.security.end_label',
                          { when: when(session.lastSeenAt) },
                        )}
                      >
                        {translate('unidos.security.end')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Button
              variant="outlined"
              color="error"
              startIcon={<LogoutIcon />}
              sx={{ mt: 2 }}
              disabled={busy}
              onClick={() => setConfirmAll(true)}
            >
              {translate('unidos.security.sign_out_everywhere')}
            </Button>
            <Confirm
              isOpen={confirmAll}
              loading={busy}
              title="unidos.security.sign_out_everywhere_title"
              content="unidos.security.sign_out_everywhere_content"
              confirm="unidos.security.sign_out_everywhere"
              confirmColor="warning"
              onConfirm={() => void endAll()}
              onClose={() => setConfirmAll(false)}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
};
