import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  IconButton,
  InputAdornment,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import HandshakeIcon from '@mui/icons-material/Handshake';
import ThumbUpIcon from '@mui/icons-material/ThumbUp';
import {
  LinkBase,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CampaignDetailDto, EndorsementDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { WithdrawEndorsementButton } from './EndorsementsSection';
import { useNotifyError } from './errors';
import { useCaller } from './fields';

/** The pledge form, with this campaign already chosen (react-admin reads `?source=`). */
export const pledgeCreatePath = (campaignId: string) =>
  `/pledges/create?source=${encodeURIComponent(JSON.stringify({ campaignId }))}`;

/**
 * A coordinator's "Endorse" for their own organization on an active campaign, or "Withdraw
 * endorsement" once endorsed. Alliance roles record endorsements in the endorsements section.
 */
export const EndorseButton = () => {
  const translate = useTranslate();
  const campaign = useRecordContext<CampaignDetailDto>();
  const { coordinator, organizationId } = useCaller();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const enabled = Boolean(coordinator && organizationId && campaign);
  const { data, isPending } = useGetList<EndorsementDto>(
    'endorsements',
    {
      filter: { campaignId: campaign?.id, organizationId },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'endorsedAt', order: 'DESC' },
    },
    { enabled },
  );
  if (!enabled || !campaign || isPending) return null;
  const own = data?.[0];
  if (own) return <WithdrawEndorsementButton endorsement={own} variant="outlined" />;
  if (campaign.status !== 'active') return null;

  const endorse = async () => {
    setBusy(true);
    try {
      const { data: created } = await dataProvider.create<EndorsementDto & { id: string }>('endorsements', {
        data: { campaignId: campaign.id },
      });
      notify('unidos.campaigns.endorsed', {
        type: 'success',
        messageArgs: { name: created.organizationName },
      });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="small"
      variant="contained"
      startIcon={<ThumbUpIcon />}
      disabled={busy}
      onClick={() => void endorse()}
    >
      {translate('unidos.campaigns.endorse')}
    </Button>
  );
};

/** "Pledge": coordinators pledge for their own organization, alliance roles choose one in the form. */
export const PledgeButton = () => {
  const translate = useTranslate();
  const campaign = useRecordContext<CampaignDetailDto>();
  const { alliance, coordinator } = useCaller();
  if (!campaign || campaign.status !== 'active' || !(alliance || coordinator)) return null;
  return (
    <Button
      size="small"
      variant="contained"
      color="secondary"
      component={LinkBase}
      to={pledgeCreatePath(campaign.id)}
      startIcon={<HandshakeIcon />}
    >
      {translate('unidos.campaigns.pledge')}
    </Button>
  );
};

/** The address of the campaign's public commitment form, to share, with a copy button. */
export const ShareLink = ({ campaign }: { campaign: CampaignDetailDto }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const url = `${window.location.origin}/commit/${encodeURIComponent(campaign.slug)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify('unidos.campaigns.link_copied', { type: 'info' });
    } catch {
      notify('unidos.campaigns.link_copy_failed', { type: 'warning' });
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Typography component="h3" variant="subtitle2" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('unidos.campaigns.public_form')}
      </Typography>
      {campaign.status === 'active' ? (
        <TextField
          size="small"
          fullWidth
          value={url}
          label={translate('unidos.campaigns.public_form_link')}
          helperText={translate('unidos.campaigns.public_form_help')}
          slotProps={{
            htmlInput: {
              readOnly: true,
              onFocus: (event: React.FocusEvent<HTMLInputElement>) => event.target.select(),
            },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={translate('unidos.campaigns.copy_link')}>
                    <IconButton
                      aria-label={translate('unidos.campaigns.copy_link')}
                      onClick={() => void copy()}
                      edge="end"
                    >
                      <ContentCopyIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
      ) : (
        <Alert severity="info" variant="outlined">
          {translate('unidos.campaigns.public_form_inactive')}
        </Alert>
      )}
    </Box>
  );
};
