import { useState } from 'react';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import UndoIcon from '@mui/icons-material/Undo';
import {
  AutocompleteInput,
  Confirm,
  DataTable,
  Pagination,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  SelectInput,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CampaignDetailDto, EndorsementDto, RegionDto } from '@unidos/contracts';
import { EnumField, LocalDateField } from '../../common/fields';
import { VisuallyHidden } from '../../common/VisuallyHidden';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { ENDORSEMENT_ROLE_CHOICES } from './choices';
import { useNotifyError, useSubmissionErrors } from './errors';
import { EnumChipField, OrganizationLink, useCaller } from './fields';
import { FormDialog } from './FormDialog';

const organizationFilter = (q: string) => ({ q, membershipStatus: 'active' });

/** Withdraws an endorsement after a confirmation (coordinators their own, alliance roles any). */
export const WithdrawEndorsementButton = ({
  endorsement,
  variant = 'text',
}: {
  endorsement: EndorsementDto;
  variant?: 'text' | 'outlined';
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const withdraw = async () => {
    setBusy(true);
    try {
      await dataProvider.delete('endorsements', { id: endorsement.id, previousData: endorsement });
      notify('unidos.campaigns.endorsement_withdrawn', {
        type: 'info',
        messageArgs: { name: endorsement.organizationName },
      });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        color="warning"
        variant={variant}
        startIcon={<UndoIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        aria-label={
          variant === 'text'
            ? translate('unidos.campaigns.withdraw_endorsement_of', { name: endorsement.organizationName })
            : undefined
        }
      >
        {translate('unidos.campaigns.withdraw_endorsement')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="unidos.campaigns.withdraw_title"
        content="unidos.campaigns.withdraw_content"
        translateOptions={{ name: endorsement.organizationName }}
        confirm="unidos.campaigns.withdraw_endorsement"
        confirmColor="warning"
        onConfirm={() => void withdraw()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** A row's withdraw button, for alliance roles and for the coordinator of that organization. */
const RowWithdraw = (_props: { label?: string }) => {
  const record = useRecordContext<EndorsementDto>();
  const { alliance, coordinator, organizationId } = useCaller();
  if (!record) return null;
  if (!alliance && !(coordinator && record.organizationId === organizationId)) return null;
  return <WithdrawEndorsementButton endorsement={record} />;
};

interface RecordValues extends Record<string, unknown> {
  organizationId: string;
  role: EndorsementDto['role'];
}

/** Alliance roles record an endorsement for any member organization. */
const RecordEndorsementButton = ({ campaign }: { campaign: CampaignDetailDto }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const [open, setOpen] = useState(false);

  const save = async (values: RecordValues) => {
    try {
      const { data } = await dataProvider.create<EndorsementDto & { id: string }>('endorsements', {
        data: { campaignId: campaign.id, organizationId: values.organizationId, role: values.role },
      });
      setOpen(false);
      notify('unidos.campaigns.endorsed', { type: 'success', messageArgs: { name: data.organizationName } });
      refresh();
      return undefined;
    } catch (error) {
      return submissionErrors(error, ['organizationId', 'role']);
    }
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => setOpen(true)}
        disabled={campaign.status !== 'active'}
      >
        {translate('unidos.campaigns.record_endorsement')}
      </Button>
      <FormDialog<RecordValues>
        open={open}
        onClose={() => setOpen(false)}
        title={translate('unidos.campaigns.record_endorsement')}
        submitLabel={translate('unidos.campaigns.record')}
        defaultValues={{ role: 'endorser' }}
        onSubmit={save}
      >
        <ReferenceInput
          source="organizationId"
          reference="organizations"
          sort={{ field: 'name', order: 'ASC' }}
          filter={{ membershipStatus: 'active' }}
        >
          <AutocompleteInput
            optionText="name"
            filterToQuery={organizationFilter}
            label="resources.endorsements.fields.organizationId"
            validate={required()}
          />
        </ReferenceInput>
        <SelectInput
          source="role"
          label="resources.endorsements.fields.role"
          choices={ENDORSEMENT_ROLE_CHOICES}
          validate={required()}
        />
      </FormDialog>
    </>
  );
};

const Column = DataTable.Col<EndorsementDto>;

/** The organizations that endorse the campaign, with a filter by region. */
export const EndorsementsSection = ({ campaign }: { campaign: CampaignDetailDto }) => {
  const translate = useTranslate();
  const { alliance, coordinator } = useCaller();
  const [regionId, setRegionId] = useState('');
  const { data: regions } = useGetList<RegionDto>('regions', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={translate('resources.endorsements.fields.regionId')}
          value={regionId}
          onChange={(event) => setRegionId(event.target.value)}
          fullWidth={false}
          sx={{ width: 260 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{translate('unidos.campaigns.all_regions')}</MenuItem>
          {(regions ?? []).map((region) => (
            <MenuItem key={region.id} value={region.id}>
              {region.name}
            </MenuItem>
          ))}
        </TextField>
        {alliance ? <RecordEndorsementButton campaign={campaign} /> : null}
      </Stack>
      <ReferenceManyField
        reference="endorsements"
        target="campaignId"
        sort={{ field: 'organizationName', order: 'ASC' }}
        filter={regionId ? { regionId } : {}}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('unidos.campaigns.no_endorsements')}
          </Typography>
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <Column source="organizationName">
            <OrganizationLink />
          </Column>
          <Column source="regionId" disableSort>
            <ReferenceField source="regionId" reference="regions" link={false} emptyText="—" />
          </Column>
          <Column source="state">
            <EnumField source="state" group="state" />
          </Column>
          <Column source="role">
            <EnumChipField source="role" group="endorsementRole" />
          </Column>
          <Column source="endorsedAt">
            <LocalDateField source="endorsedAt" />
          </Column>
          {alliance || coordinator ? (
            <Column
              source="actions"
              disableSort
              label={<VisuallyHidden>{translate('unidos.campaigns.actions_column')}</VisuallyHidden>}
            >
              <RowWithdraw />
            </Column>
          ) : null}
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};
