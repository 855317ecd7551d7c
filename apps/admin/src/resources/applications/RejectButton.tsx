import { type FormEvent, useId, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { OrganizationDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorBody, errorStatus } from '../../providers/payload';

/** Reject, with a required reason typed in a dialog. */
export const RejectButton = () => {
  const record = useRecordContext<OrganizationDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!record) return null;

  const close = () => {
    if (saving) return;
    setOpen(false);
    setReasonError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(translate('ra.validation.required'));
      return;
    }
    setSaving(true);
    try {
      await dataProvider.rejectApplication(record.id, record.version, reason.trim());
      setOpen(false);
      setReason('');
      notify('unidos.applications.rejected_done', { type: 'info', messageArgs: { name: record.name } });
      refresh();
    } catch (error) {
      const fieldError = errorBody(error)?.errors?.reason;
      if (errorStatus(error) === 422 && fieldError) {
        setReasonError(fieldError);
      } else {
        setOpen(false);
        const message =
          error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
        notify(message, { type: 'error', messageArgs: { _: message } });
        if (errorStatus(error) === 409) refresh();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        color="error"
        size="small"
        startIcon={<CloseIcon />}
        onClick={() => setOpen(true)}
      >
        {translate('unidos.applications.reject')}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogTitle id={titleId}>
            {translate('unidos.applications.reject_title', { name: record.name })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>
              {translate('unidos.applications.reject_content')}
            </DialogContentText>
            <TextField
              autoFocus
              required
              multiline
              minRows={3}
              fullWidth
              variant="filled"
              label={translate('unidos.applications.reason')}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonError(null);
              }}
              error={reasonError !== null}
              helperText={reasonError ?? ' '}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={saving}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" color="error" variant="contained" disabled={saving}>
              {translate('unidos.applications.reject')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
