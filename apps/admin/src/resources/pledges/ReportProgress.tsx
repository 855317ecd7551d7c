import { useState } from 'react';
import { Alert, Box, Button, Chip, Grid, Stack, Typography } from '@mui/material';
import AddTaskIcon from '@mui/icons-material/AddTask';
import {
  DataTable,
  DateInput,
  Form,
  maxLength,
  NumberInput,
  Pagination,
  ReferenceManyField,
  required,
  TextField,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useFormState } from 'react-hook-form';
import type { PledgeDto, PledgeReportDto } from '@unidos/contracts';
import { LocalDateField } from '../../common/fields';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { useSubmissionErrors } from '../campaigns/errors';
import { useCampaignFormat } from '../campaigns/fields';
import { nonZero, noteForCorrection, todayIso, wholeUnlessDollars } from '../campaigns/format';

interface ReportValues extends Record<string, unknown> {
  quantity: number | null;
  reportedOn: string | null;
  note: string | null;
}

/** The form's own starting point (react-admin forms otherwise read the record in context). */
const NO_RECORD = {};

const SubmitButton = () => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" startIcon={<AddTaskIcon />} disabled={isSubmitting}>
      {translate('unidos.pledges.report.submit')}
    </Button>
  );
};

/** Not after today (the API refuses future dates). */
const notInFuture = (value: unknown) =>
  typeof value === 'string' && value > todayIso() ? 'unidos.pledges.report.future' : undefined;

/**
 * "Report progress": an append-only entry (quantity, date, note). A negative quantity is a
 * correction and needs a note. Entries are never edited: a mistake is fixed by a correction.
 */
export const ReportProgressForm = ({ pledge }: { pledge: PledgeDto }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  // A new key empties the form after each report.
  const [formKey, setFormKey] = useState(0);

  const submit = async (values: ReportValues) => {
    try {
      await dataProvider.create('pledge-reports', {
        data: {
          pledgeId: pledge.id,
          quantity: Number(values.quantity),
          reportedOn: values.reportedOn,
          note: typeof values.note === 'string' ? values.note.trim() : null,
        },
      });
      notify('unidos.pledges.report.saved', {
        type: 'success',
        messageArgs: {
          quantity: format.quantity(Number(values.quantity), pledge.metric),
          unit: format.unit(pledge.metric),
        },
      });
      setFormKey((key) => key + 1);
      refresh();
      return undefined;
    } catch (error) {
      return submissionErrors(error, ['quantity', 'reportedOn', 'note']);
    }
  };

  return (
    <Form
      key={formKey}
      // Not the pledge: its `quantity` and `note` must not prefill the report.
      record={NO_RECORD}
      defaultValues={{ quantity: null, reportedOn: todayIso(), note: null }}
      onSubmit={(values: Record<string, unknown>) => submit(values as ReportValues)}
      noValidate
      disableInvalidFormNotification
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('unidos.pledges.report.intro')}
      </Typography>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <NumberInput
            source="quantity"
            label="unidos.pledges.report.quantity"
            step={pledge.metric === 'dollars' ? 0.01 : 1}
            validate={[required(), nonZero, wholeUnlessDollars(pledge.metric)]}
            helperText="unidos.pledges.report.quantity_help"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <DateInput
            source="reportedOn"
            label="unidos.pledges.report.date"
            validate={[required(), notInFuture]}
          />
        </Grid>
        <Grid size={12}>
          <TextInput
            source="note"
            label="unidos.pledges.report.note"
            multiline
            minRows={2}
            validate={[maxLength(2000), noteForCorrection]}
            helperText="unidos.pledges.report.note_help"
          />
        </Grid>
      </Grid>
      <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
        {translate('unidos.pledges.report.append_only')}
      </Alert>
      <SubmitButton />
    </Form>
  );
};

/** A report's quantity; a negative one is marked as a correction. */
const ReportQuantity = ({ metric }: { metric: PledgeDto['metric'] }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const report = useRecordContext<PledgeReportDto>();
  if (!report) return null;
  const correction = report.quantity < 0;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
        {correction ? '' : '+'}
        {format.quantity(report.quantity, metric)}
      </Typography>
      {correction ? (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label={translate('unidos.pledges.report.correction')}
        />
      ) : null}
    </Stack>
  );
};

const Column = DataTable.Col<PledgeReportDto>;

/** The pledge's reports, newest first. */
export const PledgeReports = ({ metric }: { metric: PledgeDto['metric'] }) => {
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="pledge-reports"
      target="pledgeId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      empty={
        <Box sx={{ py: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('unidos.pledges.report.none')}
          </Typography>
        </Box>
      }
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <Column source="reportedOn">
          <LocalDateField source="reportedOn" />
        </Column>
        <Column source="quantity">
          <ReportQuantity metric={metric} />
        </Column>
        <Column source="note" disableSort>
          <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        </Column>
        <Column source="createdAt">
          <LocalDateField source="createdAt" showTime />
        </Column>
      </DataTable>
    </ReferenceManyField>
  );
};
