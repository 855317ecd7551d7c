import { useState } from 'react';
import { Button } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import ReplayIcon from '@mui/icons-material/Replay';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PledgeDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { useNotifyError } from '../campaigns/errors';

/**
 * "Cancel pledge" (after a confirmation) or "Reopen" a cancelled one. Fulfilment is automatic:
 * the API marks a pledge fulfilled when its reports reach the quantity.
 */
export const CancelPledgeButton = () => {
  const translate = useTranslate();
  const record = useRecordContext<PledgeDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const cancelled = record.status === 'cancelled';

  const setStatus = async (status: 'open' | 'cancelled') => {
    setBusy(true);
    try {
      await dataProvider.update('pledges', { id: record.id, data: { status }, previousData: record });
      notify(status === 'cancelled' ? 'unidos.pledges.cancelled_done' : 'unidos.pledges.reopened_done', {
        type: 'info',
      });
      refresh();
    } catch (error) {
      notifyError(error);
      refresh();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  if (cancelled) {
    return (
      <Button size="small" startIcon={<ReplayIcon />} disabled={busy} onClick={() => void setStatus('open')}>
        {translate('unidos.pledges.reopen')}
      </Button>
    );
  }
  return (
    <>
      <Button size="small" color="warning" startIcon={<BlockIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.pledges.cancel_pledge')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="unidos.pledges.cancel_title"
        content="unidos.pledges.cancel_content"
        confirm="unidos.pledges.cancel_pledge"
        cancel="unidos.pledges.keep_pledge"
        confirmColor="warning"
        onConfirm={() => void setStatus('cancelled')}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
