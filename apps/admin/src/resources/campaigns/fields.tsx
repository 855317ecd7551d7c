import { type MouseEvent, useCallback, useMemo } from 'react';
import { Box, Chip, type ChipProps, LinearProgress, Stack, Typography } from '@mui/material';
import {
  Link,
  useFieldValue,
  useGetIdentity,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { PledgeDto, PledgeMetric } from '@unidos/contracts';
import { EmptyValue } from '../../common/fields';
import type { UnidosIdentity } from '../../providers/authProvider';
import { isAllianceRole } from '../../providers/permissions';
import { campaignEnumKey, type CampaignEnumGroup, metricUnitKey } from './choices';
import { barValue, demandText, formatPercent, formatQuantity } from './format';

/** The signed-in user (`/api/auth/me`), or undefined while it loads. */
export const useCaller = () => {
  const identity = useGetIdentity().identity as UnidosIdentity | undefined;
  return {
    identity,
    alliance: isAllianceRole(identity?.role),
    coordinator: identity?.role === 'org_coordinator',
    organizationId: identity?.organizationId ?? null,
  };
};

/** Number formatting in the UI language, plus translated metric names and units. */
export const useCampaignFormat = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const quantity = useCallback(
    (value: number, metric?: PledgeMetric | string) => formatQuantity(locale, value, metric),
    [locale],
  );
  const percent = useCallback((value: number) => formatPercent(locale, value), [locale]);
  const metric = useCallback(
    (value: string) => translate(campaignEnumKey('pledgeMetric', value), { _: value }),
    [translate],
  );
  const unit = useCallback((value: string) => translate(metricUnitKey(value), { _: value }), [translate]);
  const demand = useCallback((d: { textEn: string; textEs: string }) => demandText(locale, d), [locale]);
  return useMemo(
    () => ({ locale, quantity, percent, metric, unit, demand }),
    [locale, quantity, percent, metric, unit, demand],
  );
};

const COLORS: Record<CampaignEnumGroup, Record<string, ChipProps['color']>> = {
  campaignStatus: { draft: 'default', active: 'success', won: 'primary', closed: 'default' },
  demandStatus: { open: 'info', partially_won: 'warning', won: 'success', dropped: 'default' },
  endorsementRole: { lead: 'primary', partner: 'info', endorser: 'default' },
  pledgeMetric: {},
  pledgeStatus: { open: 'info', fulfilled: 'success', cancelled: 'default' },
  pledgeOfferStatus: { pending: 'warning', accepted: 'success', rejected: 'default' },
};

/** An enum value as a chip; the text carries the meaning, the colour only helps. */
export const EnumChip = ({ group, value }: { group: CampaignEnumGroup; value: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[group][value] ?? 'default'}
      label={translate(campaignEnumKey(group, value), { _: value })}
    />
  );
};

interface SourceProps {
  source: string;
  /** Read by SimpleShowLayout / DataTable for the label. */
  label?: string;
}

/** A record's enum value as a chip. */
export const EnumChipField = ({ source, group }: SourceProps & { group: CampaignEnumGroup }) => {
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'string' || value === '') return <EmptyValue />;
  return <EnumChip group={group} value={value} />;
};

/** A record's enum value as plain translated text. */
export const EnumTextField = ({ source, group }: SourceProps & { group: CampaignEnumGroup }) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'string' || value === '') return <EmptyValue />;
  return (
    <Typography component="span" variant="body2">
      {translate(campaignEnumKey(group, value), { _: value })}
    </Typography>
  );
};

/** A quantity formatted for the UI language (cents only for dollars; the metric comes from the record). */
export const QuantityField = ({ source }: SourceProps) => {
  const format = useCampaignFormat();
  const record = useRecordContext<{ metric?: string }>();
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'number') return <EmptyValue />;
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {format.quantity(value, record?.metric)}
    </Typography>
  );
};

/** A pledge's status chip, with an "Overdue" chip beside it when it is overdue. */
export const PledgeStatusField = (_props: { label?: string; source?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<PledgeDto>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      <EnumChip group="pledgeStatus" value={record.status} />
      {record.overdue ? (
        <Chip size="small" color="error" label={translate('unidos.pledges.overdue')} />
      ) : null}
    </Stack>
  );
};

/**
 * A progress bar with its numbers in text: MUI's LinearProgress is a `progressbar` whose
 * accessible name is `label`; `text` says the same for everyone.
 */
export const ProgressBar = ({
  percent,
  label,
  text,
  valueText,
  color = 'primary',
  height = 8,
}: {
  percent: number;
  /** The bar's accessible name. */
  label: string;
  /** Shown under the bar. */
  text?: string;
  /** What a screen reader says for the value (defaults to `text`). */
  valueText?: string;
  color?: 'primary' | 'secondary' | 'success' | 'info' | 'warning';
  height?: number;
}) => (
  <Box>
    <LinearProgress
      variant="determinate"
      value={barValue(percent)}
      color={color}
      aria-label={label}
      aria-valuetext={valueText ?? text}
      sx={{ height, borderRadius: height / 2 }}
    />
    {text ? (
      <Typography variant="body2" sx={{ mt: 0.5, fontVariantNumeric: 'tabular-nums' }}>
        {text}
      </Typography>
    ) : null}
  </Box>
);

/** A pledge's small progress bar with its percentage, for list rows. */
export const PledgePercentField = (_props: { label?: string; source?: string }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const record = useRecordContext<PledgeDto>();
  if (!record) return null;
  const text = translate('unidos.pledges.progress_line', {
    reported: format.quantity(record.reported, record.metric),
    quantity: format.quantity(record.quantity, record.metric),
    unit: format.unit(record.metric),
    percent: format.percent(record.percent),
  });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 140 }}>
      <Box sx={{ flex: 1 }}>
        <LinearProgress
          variant="determinate"
          value={barValue(record.percent)}
          color={record.status === 'fulfilled' ? 'success' : 'primary'}
          aria-label={text}
          sx={{ height: 6, borderRadius: 3 }}
        />
      </Box>
      <Typography
        variant="body2"
        sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 40, textAlign: 'right' }}
      >
        {format.percent(record.percent)}
      </Typography>
    </Stack>
  );
};

/** The record's organization (`organizationId` + `organizationName`) as a link to its directory page. */
export const OrganizationLink = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<{ organizationId?: string | null; organizationName?: string }>();
  if (!record?.organizationId) return <EmptyValue />;
  return (
    <Link
      to={`/organizations/${encodeURIComponent(record.organizationId)}/show`}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontWeight: 500 }}
    >
      {record.organizationName ?? record.organizationId}
    </Link>
  );
};
