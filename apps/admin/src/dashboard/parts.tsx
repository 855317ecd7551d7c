import { type ReactNode, useCallback, useId, useMemo } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  type LinearProgressProps,
  Link as MuiLink,
  Stack,
  Typography,
} from '@mui/material';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';
import type { DashboardCampaignDto, GoalProgressDto, PledgeDto } from '@unidos/contracts';
import {
  barValue,
  formatDay,
  formatEventStart,
  formatPercent,
  formatQuantity,
  percentOf,
  showUrl,
} from './format';

/** Numbers, dates and enum labels in the UI language. */
export const useDashboardFormat = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  // Counts are whole numbers; a metric's quantity follows the metric (dollars may have cents).
  const number = useCallback(
    (value: number, metric?: string) => formatQuantity(locale, value, metric ?? 'count'),
    [locale],
  );
  const percent = useCallback((value: number) => formatPercent(locale, value), [locale]);
  const day = useCallback((value: string | null | undefined) => formatDay(locale, value), [locale]);
  const eventStart = useCallback(
    (startsAt: string, timeZone: string) => formatEventStart(locale, startsAt, timeZone),
    [locale],
  );
  const metric = useCallback(
    (value: string) => translate(`enums.pledgeMetric.${value}`, { _: value }),
    [translate],
  );
  const unit = useCallback(
    (value: string) => translate(`unidos.metric_units.${value}`, { _: value }),
    [translate],
  );
  return useMemo(
    () => ({ locale, number, percent, day, eventStart, metric, unit }),
    [locale, number, percent, day, eventStart, metric, unit],
  );
};

/** A dashboard card: a section with a real heading (h2), and an optional link beside it. */
export const DashCard = ({
  title,
  action,
  children,
  testId,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) => {
  const headingId = useId();
  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      data-testid={testId}
      sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <CardContent sx={{ flex: 1, minWidth: 0 }}>
        <Stack
          direction="row"
          sx={{ alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1.5 }}
        >
          <Typography
            id={headingId}
            component="h2"
            variant="h6"
            sx={{ fontSize: '1.05rem', fontWeight: 600 }}
          >
            {title}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

/** A router link styled as text, with a visible focus ring. */
export const TextLink = ({ to, children, label }: { to: string; children: ReactNode; label?: string }) => (
  <MuiLink component={LinkBase} to={to} aria-label={label} underline="hover" sx={focusRing}>
    {children}
  </MuiLink>
);

/** A link in a card's header ("See all"). */
export const HeaderLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <Button component={LinkBase} to={to} size="small" sx={focusRing}>
    {children}
  </Button>
);

/** Dark amber for warnings in text: 7:1 on white (MUI's warning colours are too light for text). */
export const WARNING_TEXT = '#7a3e00';

/** A clear outline on keyboard focus, for links and buttons drawn here. */
export const focusRing = {
  '&:focus-visible': {
    outline: '3px solid',
    outlineColor: 'secondary.main',
    outlineOffset: '2px',
    borderRadius: 0.5,
  },
} as const;

export const Muted = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary">
    {children}
  </Typography>
);

/** A list without bullets, each item separated by a thin line. */
export const PlainList = ({ children, label }: { children: ReactNode; label?: string }) => (
  <Box
    component="ul"
    aria-label={label}
    sx={{
      listStyle: 'none',
      m: 0,
      p: 0,
      '& > li': { py: 1, borderBottom: 1, borderColor: 'divider' },
      '& > li:last-of-type': { borderBottom: 0 },
    }}
  >
    {children}
  </Box>
);

/** A thin progress bar with a name and a spoken value (the text beside it says the same). */
export const Meter = ({
  value,
  label,
  valueText,
  color = 'primary',
}: {
  value: number;
  label: string;
  valueText: string;
  color?: LinearProgressProps['color'];
}) => (
  <LinearProgress
    variant="determinate"
    value={barValue(value)}
    color={color}
    aria-label={label}
    aria-valuetext={valueText}
    sx={{ height: 8, borderRadius: 4 }}
  />
);

/** Loading failed: what happened and a way to try again. */
export const LoadError = ({ message, onRetry }: { message: string; onRetry: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {translate('unidos.dashboard.retry')}
        </Button>
      }
    >
      {message}
    </Alert>
  );
};

/** One goal of a campaign: pledged and reported against the target, as two bars and a sentence. */
export const GoalProgress = ({ goal }: { goal: GoalProgressDto }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const metric = format.metric(goal.metric);
  const target = goal.target ?? 0;
  const pledgedPct = percentOf(goal.pledged, target);
  const reportedPct = percentOf(goal.reported, target);
  const n = (value: number) => format.number(value, goal.metric);
  const barText = (kind: string, value: number, pct: number) =>
    `${translate('unidos.dashboard.campaigns.bar_label', {
      metric,
      kind: kind.toLowerCase(),
      value: n(value),
      target: n(target),
    })} (${format.percent(pct)})`;
  return (
    <Box sx={{ mb: 1.5 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {metric}
        </Typography>
        {goal.target ? (
          <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {format.percent(reportedPct)}
          </Typography>
        ) : null}
      </Stack>
      {goal.target ? (
        <Stack spacing={0.5} sx={{ my: 0.5 }}>
          <BarRow label={translate('unidos.dashboard.campaigns.pledged')}>
            <Meter
              value={pledgedPct}
              color="secondary"
              label={`${metric}: ${translate('unidos.dashboard.campaigns.pledged')}`}
              valueText={barText(translate('unidos.dashboard.campaigns.pledged'), goal.pledged, pledgedPct)}
            />
          </BarRow>
          <BarRow label={translate('unidos.dashboard.campaigns.reported')}>
            <Meter
              value={reportedPct}
              label={`${metric}: ${translate('unidos.dashboard.campaigns.reported')}`}
              valueText={barText(
                translate('unidos.dashboard.campaigns.reported'),
                goal.reported,
                reportedPct,
              )}
            />
          </BarRow>
        </Stack>
      ) : null}
      <Typography variant="caption" color="text.secondary" component="p">
        {goal.target
          ? translate('unidos.dashboard.campaigns.goal_summary', {
              pledged: n(goal.pledged),
              reported: n(goal.reported),
              target: n(goal.target),
              unit: format.unit(goal.metric),
            })
          : translate('unidos.dashboard.campaigns.goal_summary_no_target', {
              pledged: n(goal.pledged),
              reported: n(goal.reported),
              unit: format.unit(goal.metric),
            })}
      </Typography>
    </Box>
  );
};

const BarRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
    <Typography variant="caption" color="text.secondary" aria-hidden sx={{ width: 84, flexShrink: 0 }}>
      {label}
    </Typography>
    <Box sx={{ flex: 1 }}>{children}</Box>
  </Stack>
);

/** Campaigns with each goal's progress; the name links to the campaign. */
export const CampaignGoals = ({ campaigns, empty }: { campaigns: DashboardCampaignDto[]; empty: string }) => {
  const translate = useTranslate();
  if (campaigns.length === 0) return <Muted>{empty}</Muted>;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: '1fr', md: campaigns.length > 1 ? '1fr 1fr' : '1fr' },
      }}
    >
      {campaigns.map((campaign) => (
        <Box key={campaign.id} data-testid={`dashboard-campaign-${campaign.id}`}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            <TextLink to={showUrl('campaigns', campaign.id)}>{campaign.name}</TextLink>
          </Typography>
          {campaign.goals.length === 0 ? (
            <Muted>{translate('unidos.dashboard.campaigns.no_goals')}</Muted>
          ) : (
            campaign.goals.map((goal) => <GoalProgress key={goal.metric} goal={goal} />)
          )}
        </Box>
      ))}
    </Box>
  );
};

/** Pledges with their progress and due dates; each links to the pledge. */
export const PledgeItems = ({
  pledges,
  campaignNames,
  showOrganization = true,
  label,
}: {
  pledges: PledgeDto[];
  campaignNames: Map<string, string>;
  showOrganization?: boolean;
  label: string;
}) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <PlainList label={label}>
      {pledges.map((pledge) => {
        const campaign = campaignNames.get(pledge.campaignId);
        const name = showOrganization ? pledge.organizationName : (campaign ?? format.metric(pledge.metric));
        const progress = translate('unidos.dashboard.pledges.progress', {
          reported: format.number(pledge.reported, pledge.metric),
          quantity: format.number(pledge.quantity, pledge.metric),
          unit: format.unit(pledge.metric),
          percent: format.percent(pledge.percent),
        });
        return (
          <li key={pledge.id}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                <TextLink to={showUrl('pledges', pledge.id)}>{name}</TextLink>
              </Typography>
              <Typography
                variant="body2"
                color={pledge.overdue ? 'error.dark' : 'text.secondary'}
                sx={{ whiteSpace: 'nowrap' }}
              >
                {pledge.dueOn
                  ? translate('unidos.dashboard.pledges.due_on', { date: format.day(pledge.dueOn) })
                  : translate('unidos.dashboard.pledges.no_due_date')}
                {pledge.overdue ? ` · ${translate('unidos.dashboard.pledges.overdue')}` : ''}
              </Typography>
            </Stack>
            {showOrganization && campaign ? (
              <Typography variant="caption" color="text.secondary" component="p">
                {campaign}
              </Typography>
            ) : null}
            <Box sx={{ my: 0.5 }}>
              <Meter
                value={pledge.percent}
                color={pledge.overdue ? 'warning' : 'primary'}
                label={translate('unidos.dashboard.pledges.progress_label', { name })}
                valueText={progress}
              />
            </Box>
            <Typography variant="caption" color="text.secondary" component="p">
              {progress}
            </Typography>
          </li>
        );
      })}
    </PlainList>
  );
};
