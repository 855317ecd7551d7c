import { useState } from 'react';
import { Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import {
  Confirm,
  maxLength,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CampaignDetailDto, DemandDto } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { DEMAND_STATUS_CHOICES } from './choices';
import { useNotifyError, useSubmissionErrors } from './errors';
import { EnumChip, useCampaignFormat } from './fields';
import { FormDialog } from './FormDialog';

type DemandValues = Pick<DemandDto, 'textEn' | 'textEs' | 'target' | 'status'>;
const DEMAND_FIELDS = ['textEn', 'textEs', 'target', 'status'] as const;

const DemandInputs = () => (
  <>
    <TextInput
      source="textEn"
      label="resources.demands.fields.textEn"
      multiline
      validate={[required(), maxLength(500)]}
    />
    <TextInput
      source="textEs"
      label="resources.demands.fields.textEs"
      multiline
      validate={[required(), maxLength(500)]}
    />
    <TextInput
      source="target"
      label="resources.demands.fields.target"
      validate={maxLength(200)}
      helperText="unidos.campaigns.demand_target_help"
    />
    <SelectInput
      source="status"
      label="resources.demands.fields.status"
      choices={DEMAND_STATUS_CHOICES}
      validate={required()}
    />
  </>
);

/**
 * The campaign's demands in order, in the UI language. Alliance roles add, edit, delete and
 * reorder them (up/down: the whole new order goes to the API in one call).
 */
export const DemandsSection = ({
  campaign,
  canManage,
}: {
  campaign: CampaignDetailDto;
  canManage: boolean;
}) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const submissionErrors = useSubmissionErrors();
  const [editing, setEditing] = useState<DemandDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DemandDto | null>(null);
  const [busy, setBusy] = useState(false);
  // A record taken from the list (while the page loads) has no demands yet.
  const demands = [...(campaign.demands ?? [])].sort((a, b) => a.position - b.position);

  const move = async (index: number, delta: -1 | 1) => {
    const ids = demands.map((d) => d.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id);
    setBusy(true);
    try {
      await dataProvider.reorderDemands(campaign.id, ids);
      notify('unidos.campaigns.demands_reordered', { type: 'info' });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const save = async (values: DemandValues) => {
    try {
      if (editing === 'new') {
        await dataProvider.create('demands', { data: { ...values, campaignId: campaign.id } });
      } else if (editing) {
        await dataProvider.update('demands', { id: editing.id, data: values, previousData: editing });
      }
      setEditing(null);
      notify('unidos.campaigns.demand_saved', { type: 'info' });
      refresh();
      return undefined;
    } catch (error) {
      return submissionErrors(error, DEMAND_FIELDS);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await dataProvider.delete('demands', { id: deleting.id, previousData: deleting });
      notify('unidos.campaigns.demand_deleted', { type: 'info' });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setDeleting(null);
      setBusy(false);
    }
  };

  return (
    <Box>
      {demands.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('unidos.campaigns.no_demands')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, pl: 3 }}>
          {demands.map((demand, index) => (
            <Box component="li" key={demand.id} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                sx={{ alignItems: { sm: 'center' } }}
              >
                <Box sx={{ flex: 1 }}>
                  <Typography sx={{ fontWeight: 500 }}>{format.demand(demand)}</Typography>
                  <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
                    <EnumChip group="demandStatus" value={demand.status} />
                    {demand.target ? (
                      <Typography variant="body2" color="text.secondary">
                        {translate('unidos.campaigns.demand_target', { target: demand.target })}
                      </Typography>
                    ) : null}
                  </Stack>
                </Box>
                {canManage ? (
                  <Stack direction="row" spacing={0.5}>
                    <Tooltip title={translate('unidos.campaigns.move_up')}>
                      <span>
                        <IconButton
                          size="small"
                          aria-label={translate('unidos.campaigns.move_up_demand', { position: index + 1 })}
                          disabled={busy || index === 0}
                          onClick={() => void move(index, -1)}
                        >
                          <ArrowUpwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={translate('unidos.campaigns.move_down')}>
                      <span>
                        <IconButton
                          size="small"
                          aria-label={translate('unidos.campaigns.move_down_demand', { position: index + 1 })}
                          disabled={busy || index === demands.length - 1}
                          onClick={() => void move(index, 1)}
                        >
                          <ArrowDownwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={translate('ra.action.edit')}>
                      <IconButton
                        size="small"
                        aria-label={translate('unidos.campaigns.edit_demand', { position: index + 1 })}
                        onClick={() => setEditing(demand)}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={translate('ra.action.delete')}>
                      <IconButton
                        size="small"
                        color="error"
                        aria-label={translate('unidos.campaigns.delete_demand', { position: index + 1 })}
                        onClick={() => setDeleting(demand)}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                ) : null}
              </Stack>
            </Box>
          ))}
        </Box>
      )}
      {canManage ? (
        <Button startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => setEditing('new')}>
          {translate('unidos.campaigns.add_demand')}
        </Button>
      ) : null}
      <FormDialog<DemandValues>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={translate(
          editing === 'new' ? 'unidos.campaigns.add_demand' : 'unidos.campaigns.edit_demand_title',
        )}
        submitLabel={translate('ra.action.save')}
        defaultValues={
          editing && editing !== 'new'
            ? {
                textEn: editing.textEn,
                textEs: editing.textEs,
                target: editing.target,
                status: editing.status,
              }
            : { status: 'open' }
        }
        onSubmit={save}
      >
        <DemandInputs />
      </FormDialog>
      <Confirm
        isOpen={deleting !== null}
        loading={busy}
        title="unidos.campaigns.delete_demand_title"
        content="unidos.campaigns.delete_demand_content"
        translateOptions={{ text: deleting ? format.demand(deleting) : '' }}
        confirm="ra.action.delete"
        confirmColor="warning"
        onConfirm={() => void remove()}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};
