import { useState } from 'react';
import { Button, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  AutocompleteInput,
  Confirm,
  DateInput,
  Link,
  ReferenceInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { PledgeOfferDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorStatus } from '../../providers/payload';
import { useNotifyError, useSubmissionErrors } from '../campaigns/errors';
import { FormDialog } from '../campaigns/FormDialog';

const byName = (q: string) => ({ q, membershipStatus: 'active' });

interface AcceptValues extends Record<string, unknown> {
  organizationId: string;
  dueOn: string | null;
}

/**
 * Accept: match the offer to a member organization (and optionally set a due date); the API turns
 * it into that organization's pledge. A group that is not a member yet must be registered first.
 */
export const AcceptOfferButton = () => {
  const translate = useTranslate();
  const offer = useRecordContext<PledgeOfferDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const [open, setOpen] = useState(false);
  if (!offer || offer.status !== 'pending') return null;

  const accept = async (values: AcceptValues) => {
    try {
      await dataProvider.acceptPledgeOffer(offer.id, {
        version: offer.version,
        organizationId: values.organizationId,
        dueOn: values.dueOn,
      });
      setOpen(false);
      notify('unidos.offers.accepted_done', {
        type: 'success',
        messageArgs: { name: offer.organizationName },
      });
      refresh();
      return undefined;
    } catch (error) {
      const errors = submissionErrors(error, ['organizationId', 'dueOn']);
      if (errorStatus(error) === 409) {
        setOpen(false);
        refresh();
      }
      return errors;
    }
  };

  return (
    <>
      <Button variant="contained" size="small" startIcon={<CheckIcon />} onClick={() => setOpen(true)}>
        {translate('unidos.offers.accept')}
      </Button>
      <FormDialog<AcceptValues>
        open={open}
        onClose={() => setOpen(false)}
        title={translate('unidos.offers.accept_title', { name: offer.organizationName })}
        submitLabel={translate('unidos.offers.accept')}
        onSubmit={accept}
      >
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('unidos.offers.accept_content')}
        </Typography>
        <ReferenceInput
          source="organizationId"
          reference="organizations"
          sort={{ field: 'name', order: 'ASC' }}
          filter={{ membershipStatus: 'active' }}
        >
          <AutocompleteInput
            optionText="name"
            filterToQuery={byName}
            label="unidos.offers.member_organization"
            validate={required()}
            helperText={false}
          />
        </ReferenceInput>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('unidos.offers.new_group_hint')}{' '}
          <Link to="/organizations/create" target="_blank">
            {translate('unidos.offers.register_organization')}
          </Link>
        </Typography>
        <DateInput source="dueOn" label="resources.pledges.fields.dueOn" />
      </FormDialog>
    </>
  );
};

/** Reject, after a confirmation. */
export const RejectOfferButton = () => {
  const translate = useTranslate();
  const offer = useRecordContext<PledgeOfferDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!offer || offer.status !== 'pending') return null;

  const reject = async () => {
    setBusy(true);
    try {
      await dataProvider.rejectPledgeOffer(offer.id, offer.version);
      notify('unidos.offers.rejected_done', { type: 'info', messageArgs: { name: offer.organizationName } });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      setOpen(false);
      refresh();
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
        {translate('unidos.offers.reject')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="unidos.offers.reject_title"
        content="unidos.offers.reject_content"
        translateOptions={{ name: offer.organizationName }}
        confirm="unidos.offers.reject"
        confirmColor="warning"
        onConfirm={() => void reject()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
