import { useId, useMemo, useState } from 'react';
import { Box, Grid, Stack, TextField, useMediaQuery, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import type { ChartSeriesDto, DashboardCampaignDto } from '@unidos/contracts';
import { useChartSeries } from '../api';
import { chartUrl, formatDay, formatMonth, splitEventCategory } from '../format';
import { useDashboardFormat } from '../parts';
import { ChartCard, type ChartStatus } from './ChartCard';
import { NumbersTable } from './DataTable';

const HEIGHT = 260;

const statusOf = (
  query: { isPending: boolean; isError: boolean },
  series: ChartSeriesDto[] | undefined,
): ChartStatus =>
  query.isError
    ? 'error'
    : query.isPending
      ? 'loading'
      : series?.some((s) => s.points.length > 0)
        ? 'ready'
        : 'empty';

/** Animations off for people who asked for less motion. */
const useSkipAnimation = () => useMediaQuery('(prefers-reduced-motion: reduce)');

/**
 * The dashboard's charts (loaded on demand: MUI X Charts is large): reported progress over time for
 * a campaign goal, attendance per event, and (for the alliance) new member organizations per month.
 */
const DashboardCharts = ({
  campaigns,
  newMembers,
}: {
  campaigns: DashboardCampaignDto[];
  newMembers: boolean;
}) => (
  <Grid container spacing={2}>
    <Grid size={12}>
      <ProgressChart campaigns={campaigns} />
    </Grid>
    <Grid size={{ xs: 12, lg: newMembers ? 6 : 12 }}>
      <AttendanceChart />
    </Grid>
    {newMembers ? (
      <Grid size={{ xs: 12, lg: 6 }}>
        <NewMembersChart />
      </Grid>
    ) : null}
  </Grid>
);

export default DashboardCharts;

const ProgressChart = ({ campaigns }: { campaigns: DashboardCampaignDto[] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const theme = useTheme();
  const skipAnimation = useSkipAnimation();
  const pickerId = useId();
  const charted = campaigns.filter((campaign) => campaign.goals.length > 0);
  const [campaignId, setCampaignId] = useState<string>('');
  const [metric, setMetric] = useState<string>('');
  const campaign = charted.find((c) => c.id === campaignId) ?? charted[0];
  const goal = campaign?.goals.find((g) => g.metric === metric) ?? campaign?.goals[0];
  const params = useMemo(
    () => (campaign && goal ? { campaignId: campaign.id, metric: goal.metric } : undefined),
    [campaign, goal],
  );
  const query = useChartSeries('progress', params ?? {}, params !== undefined);
  const series = query.data?.[0];
  const title = translate('unidos.dashboard.charts.progress.title');

  if (!campaign || !goal || !params) {
    return (
      <ChartCard
        title={title}
        caption=""
        status="empty"
        testId="dashboard-chart-progress"
        picker={null}
        chart={() => null}
        table={() => null}
      />
    );
  }

  const points = series?.points ?? [];
  const unit = format.unit(goal.metric);
  const caption = translate('unidos.dashboard.charts.progress.caption', {
    metric: unit,
    campaign: campaign.name,
  });
  const last = points[points.length - 1];
  const summary = last
    ? `${formatDay(format.locale, last.x)}: ${format.number(last.y, goal.metric)} ${unit}.`
    : undefined;

  return (
    <ChartCard
      title={title}
      caption={caption}
      summary={summary}
      csvHref={chartUrl('progress', params, true)}
      status={statusOf(query, query.data)}
      testId="dashboard-chart-progress"
      picker={
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
          <TextField
            select
            size="small"
            id={`${pickerId}-campaign`}
            label={translate('unidos.dashboard.charts.progress.campaign')}
            value={campaign.id}
            onChange={(event) => {
              setCampaignId(event.target.value);
              setMetric('');
            }}
            slotProps={{ select: { native: true } }}
            sx={{ minWidth: 240 }}
          >
            {charted.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            id={`${pickerId}-metric`}
            label={translate('unidos.dashboard.charts.progress.metric')}
            value={goal.metric}
            onChange={(event) => setMetric(event.target.value)}
            slotProps={{ select: { native: true } }}
            sx={{ minWidth: 180 }}
          >
            {campaign.goals.map((g) => (
              <option key={g.metric} value={g.metric}>
                {format.metric(g.metric)}
              </option>
            ))}
          </TextField>
        </Stack>
      }
      chart={() => (
        <LineChart
          height={HEIGHT}
          skipAnimation={skipAnimation}
          hideLegend
          colors={[theme.palette.primary.main]}
          xAxis={[
            {
              scaleType: 'point',
              height: 'auto',
              data: points.map((p) => p.x),
              valueFormatter: (value: string) =>
                formatDay(format.locale, value, { day: 'numeric', month: 'short' }),
            },
          ]}
          yAxis={[{ valueFormatter: (value: number) => format.number(value, goal.metric), width: 'auto' }]}
          series={[
            {
              data: points.map((p) => p.y),
              label: translate('unidos.dashboard.charts.progress.total'),
              valueFormatter: (value) => (value === null ? '' : format.number(value, goal.metric)),
              showMark: true,
            },
          ]}
          localeText={{ noData: translate('unidos.dashboard.charts.no_data') }}
        />
      )}
      table={() => (
        <NumbersTable
          caption={caption}
          testId="dashboard-table-progress"
          columns={[
            translate('unidos.dashboard.charts.progress.week'),
            `${translate('unidos.dashboard.charts.progress.total')} (${unit})`,
          ]}
          rows={points.map((p) => ({
            key: p.x,
            cells: [formatDay(format.locale, p.x), format.number(p.y, goal.metric)],
          }))}
        />
      )}
    />
  );
};

const AttendanceChart = () => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const theme = useTheme();
  const skipAnimation = useSkipAnimation();
  const query = useChartSeries('attendance');
  const [counted, reported] = query.data ?? [];
  const categories = (counted ?? reported)?.points.map((p) => p.x) ?? [];
  const valueAt = (series: ChartSeriesDto | undefined, x: string) =>
    series?.points.find((p) => p.x === x)?.y ?? 0;
  const label = (x: string, short: boolean) => {
    const { date, title } = splitEventCategory(x);
    if (!date) return title;
    const day = formatDay(format.locale, date, { day: 'numeric', month: 'short' });
    return short ? day : `${title} (${day})`;
  };
  const title = translate('unidos.dashboard.charts.attendance.title');
  const caption = translate('unidos.dashboard.charts.attendance.caption');
  const countedLabel = translate('unidos.dashboard.charts.attendance.counted');
  const reportedLabel = translate('unidos.dashboard.charts.attendance.reported');
  return (
    <ChartCard
      title={title}
      caption={caption}
      csvHref={chartUrl('attendance', {}, true)}
      status={statusOf(query, query.data)}
      testId="dashboard-chart-attendance"
      chart={() => (
        <BarChart
          height={HEIGHT}
          skipAnimation={skipAnimation}
          colors={[theme.palette.primary.main, theme.palette.secondary.light]}
          xAxis={[
            {
              scaleType: 'band',
              height: 'auto',
              data: categories,
              valueFormatter: (value: string, context) => label(value, context.location === 'tick'),
            },
          ]}
          yAxis={[{ valueFormatter: (value: number) => format.number(value), width: 'auto' }]}
          series={[
            {
              data: categories.map((x) => valueAt(counted, x)),
              label: countedLabel,
              valueFormatter: (v) => (v === null ? '' : format.number(v)),
            },
            {
              data: categories.map((x) => valueAt(reported, x)),
              label: reportedLabel,
              valueFormatter: (v) => (v === null ? '' : format.number(v)),
            },
          ]}
          localeText={{ noData: translate('unidos.dashboard.charts.no_data') }}
        />
      )}
      table={() => (
        <NumbersTable
          caption={caption}
          testId="dashboard-table-attendance"
          columns={[
            translate('unidos.dashboard.charts.attendance.event'),
            translate('unidos.dashboard.charts.attendance.date'),
            countedLabel,
            reportedLabel,
          ]}
          rows={categories.map((x) => {
            const { date, title: event } = splitEventCategory(x);
            return {
              key: x,
              cells: [
                event,
                date ? formatDay(format.locale, date) : '—',
                format.number(valueAt(counted, x)),
                format.number(valueAt(reported, x)),
              ],
            };
          })}
        />
      )}
    />
  );
};

const NewMembersChart = () => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const theme = useTheme();
  const skipAnimation = useSkipAnimation();
  const query = useChartSeries('new-members');
  const points = query.data?.[0]?.points ?? [];
  const title = translate('unidos.dashboard.charts.new_members.title');
  const caption = translate('unidos.dashboard.charts.new_members.caption');
  const countLabel = translate('unidos.dashboard.charts.new_members.count');
  const total = points.reduce((sum, p) => sum + p.y, 0);
  return (
    <ChartCard
      title={title}
      caption={caption}
      summary={`${countLabel}: ${format.number(total)}.`}
      csvHref={chartUrl('new-members', {}, true)}
      status={statusOf(query, query.data)}
      testId="dashboard-chart-new-members"
      chart={() => (
        <Box sx={{ width: '100%' }}>
          <BarChart
            height={HEIGHT}
            skipAnimation={skipAnimation}
            hideLegend
            colors={[theme.palette.primary.main]}
            xAxis={[
              {
                scaleType: 'band',
                height: 'auto',
                data: points.map((p) => p.x),
                valueFormatter: (value: string) => formatMonth(format.locale, value),
              },
            ]}
            yAxis={[
              { valueFormatter: (value: number) => format.number(value), width: 'auto', tickMinStep: 1 },
            ]}
            series={[
              {
                data: points.map((p) => p.y),
                label: countLabel,
                valueFormatter: (v) => (v === null ? '' : format.number(v)),
              },
            ]}
            localeText={{ noData: translate('unidos.dashboard.charts.no_data') }}
          />
        </Box>
      )}
      table={() => (
        <NumbersTable
          caption={caption}
          testId="dashboard-table-new-members"
          columns={[translate('unidos.dashboard.charts.new_members.month'), countLabel]}
          rows={points.map((p) => ({
            key: p.x,
            cells: [formatMonth(format.locale, p.x), format.number(p.y)],
          }))}
        />
      )}
    />
  );
};
