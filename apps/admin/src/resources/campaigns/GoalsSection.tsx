import { useState } from 'react';
import { Alert, Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import {
  Confirm,
  NumberInput,
  required,
  SelectInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CampaignDetailDto, CampaignGoalDto, GoalProgressDto, PledgeMetric } from '@unidos/contracts';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { PLEDGE_METRIC_CHOICES } from './choices';
import { useNotifyError, useSubmissionErrors } from './errors';
import { ProgressBar, useCampaignFormat } from './fields';
import { FormDialog } from './FormDialog';
import { percentOf, positive, wholeUnlessDollars } from './format';

/** The two bars and the sentence of one goal (or of a metric pledged without a goal). */
export const GoalProgress = ({
  goal,
  headingLevel = 'h3',
}: {
  goal: GoalProgressDto;
  headingLevel?: 'h2' | 'h3';
}) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const metric = format.metric(goal.metric);
  const numbers = {
    reported: format.quantity(goal.reported, goal.metric),
    pledged: format.quantity(goal.pledged, goal.metric),
    target: goal.target === null ? '' : format.quantity(goal.target, goal.metric),
    unit: format.unit(goal.metric),
    metric,
  };
  if (goal.target === null) {
    const text = translate('unidos.progress.no_goal_line', numbers);
    return (
      <Box>
        <Typography component={headingLevel} variant="subtitle2" sx={{ fontWeight: 600 }}>
          {metric}
        </Typography>
        <ProgressBar
          percent={percentOf(goal.reported, goal.pledged)}
          label={translate('unidos.progress.reported_of_pledged_aria', { metric })}
          text={text}
          color="secondary"
        />
      </Box>
    );
  }
  const reportedPercent = percentOf(goal.reported, goal.target);
  const pledgedPercent = percentOf(goal.pledged, goal.target);
  const text = translate('unidos.progress.goal_line', {
    ...numbers,
    percent: format.percent(reportedPercent),
  });
  return (
    <Box>
      <Typography component={headingLevel} variant="subtitle2" sx={{ fontWeight: 600 }}>
        {metric}
      </Typography>
      <Stack spacing={0.75} sx={{ mt: 0.5 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="caption" sx={{ width: 110 }} aria-hidden>
            {translate('unidos.progress.reported')}
          </Typography>
          <Box sx={{ flex: 1 }}>
            <ProgressBar
              percent={reportedPercent}
              label={translate('unidos.progress.reported_aria', { metric })}
              valueText={translate('unidos.progress.bar_value', {
                value: numbers.reported,
                target: numbers.target,
                percent: format.percent(reportedPercent),
              })}
              color="success"
            />
          </Box>
          <Typography variant="caption" sx={{ width: 48, textAlign: 'right' }}>
            {format.percent(reportedPercent)}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="caption" sx={{ width: 110 }} aria-hidden>
            {translate('unidos.progress.pledged')}
          </Typography>
          <Box sx={{ flex: 1 }}>
            <ProgressBar
              percent={pledgedPercent}
              label={translate('unidos.progress.pledged_aria', { metric })}
              valueText={translate('unidos.progress.bar_value', {
                value: numbers.pledged,
                target: numbers.target,
                percent: format.percent(pledgedPercent),
              })}
              color="info"
            />
          </Box>
          <Typography variant="caption" sx={{ width: 48, textAlign: 'right' }}>
            {format.percent(pledgedPercent)}
          </Typography>
        </Stack>
      </Stack>
      <Typography
        variant="body2"
        sx={{ mt: 0.5, fontVariantNumeric: 'tabular-nums' }}
        data-testid={`goal-line-${goal.metric}`}
      >
        {text}
      </Typography>
    </Box>
  );
};

interface GoalValues extends Record<string, unknown> {
  metric: PledgeMetric;
  target: number;
}

/** Validates a goal's target against the metric picked next to it. */
const validateTarget = (value: unknown, values: Partial<GoalValues>) =>
  positive(value) ?? wholeUnlessDollars(values.metric)(value);

/**
 * Goals with their progress: per goal, reported and pledged against the target as two bars and a
 * sentence. Alliance roles add goals, change a target, remove a goal.
 */
export const GoalsSection = ({
  campaign,
  progress,
  isPending,
  isError,
  canManage,
}: {
  campaign: CampaignDetailDto;
  progress: GoalProgressDto[] | undefined;
  isPending: boolean;
  isError: boolean;
  canManage: boolean;
}) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const submissionErrors = useSubmissionErrors();
  const [editing, setEditing] = useState<CampaignGoalDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CampaignGoalDto | null>(null);
  const [busy, setBusy] = useState(false);

  // A record taken from the list (while the page loads) has no goals yet.
  const goals = campaign.goals ?? [];
  // Until progress arrives, the goals themselves (with nothing counted yet).
  const rows: GoalProgressDto[] =
    progress ??
    goals.map((g) => ({ metric: g.metric, target: g.target, pledged: 0, reported: 0, pledges: 0 }));
  const goalFor = (metric: string) => goals.find((g) => g.metric === metric);
  const freeMetrics = PLEDGE_METRIC_CHOICES.filter((choice) => !goalFor(choice.id));

  const save = async (values: GoalValues) => {
    try {
      if (editing === 'new') {
        await dataProvider.create('campaign-goals', {
          data: { campaignId: campaign.id, metric: values.metric, target: values.target },
        });
      } else if (editing) {
        await dataProvider.update('campaign-goals', {
          id: editing.id,
          data: { target: values.target },
          previousData: editing,
        });
      }
      setEditing(null);
      notify('unidos.campaigns.goal_saved', { type: 'info' });
      refresh();
      return undefined;
    } catch (error) {
      return submissionErrors(error, ['metric', 'target']);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await dataProvider.delete('campaign-goals', { id: deleting.id, previousData: deleting });
      notify('unidos.campaigns.goal_deleted', { type: 'info' });
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
      {isError ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('unidos.progress.error')}
        </Alert>
      ) : null}
      {rows.length === 0 && !isPending ? (
        <Typography variant="body2" color="text.secondary">
          {translate('unidos.campaigns.no_goals')}
        </Typography>
      ) : null}
      <Stack spacing={2.5}>
        {rows.map((row) => {
          const goal = goalFor(row.metric);
          return (
            <Stack key={row.metric} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <Box sx={{ flex: 1 }}>
                <GoalProgress goal={row} />
              </Box>
              {canManage && goal ? (
                <Stack direction="row">
                  <Tooltip title={translate('unidos.campaigns.edit_target')}>
                    <IconButton
                      size="small"
                      aria-label={translate('unidos.campaigns.edit_target_of', {
                        metric: format.metric(goal.metric),
                      })}
                      onClick={() => setEditing(goal)}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={translate('unidos.campaigns.delete_goal')}>
                    <IconButton
                      size="small"
                      color="error"
                      aria-label={translate('unidos.campaigns.delete_goal_of', {
                        metric: format.metric(goal.metric),
                      })}
                      onClick={() => setDeleting(goal)}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Stack>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
      {canManage && freeMetrics.length > 0 ? (
        <Button startIcon={<AddIcon />} sx={{ mt: 2 }} onClick={() => setEditing('new')}>
          {translate('unidos.campaigns.add_goal')}
        </Button>
      ) : null}
      <FormDialog<GoalValues>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing && editing !== 'new'
            ? translate('unidos.campaigns.edit_target_of', { metric: format.metric(editing.metric) })
            : translate('unidos.campaigns.add_goal')
        }
        submitLabel={translate('ra.action.save')}
        defaultValues={editing && editing !== 'new' ? { metric: editing.metric, target: editing.target } : {}}
        onSubmit={save}
      >
        <SelectInput
          source="metric"
          label="resources.campaign-goals.fields.metric"
          choices={editing && editing !== 'new' ? PLEDGE_METRIC_CHOICES : freeMetrics}
          validate={required()}
          disabled={editing !== 'new'}
        />
        <NumberInput
          source="target"
          label="resources.campaign-goals.fields.target"
          min={0}
          validate={[required(), validateTarget]}
        />
      </FormDialog>
      <Confirm
        isOpen={deleting !== null}
        loading={busy}
        title="unidos.campaigns.delete_goal_title"
        content="unidos.campaigns.delete_goal_content"
        translateOptions={{ metric: deleting ? format.metric(deleting.metric) : '' }}
        confirm="ra.action.delete"
        confirmColor="warning"
        onConfirm={() => void remove()}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};
