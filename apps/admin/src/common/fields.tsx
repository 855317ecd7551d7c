import type { MouseEvent } from 'react';
import { Box, Chip, type ChipProps, Link as MuiLink, Typography } from '@mui/material';
import {
  DateField,
  type DateFieldProps,
  Link,
  useFieldValue,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { MembershipStatus } from '@unidos/contracts';
import { enumKey, type EnumGroup } from './choices';

interface EnumFieldProps {
  source: string;
  group: EnumGroup;
  /** Read by SimpleShowLayout / DataTable for the label; react-admin translates it. */
  label?: string;
}

/** One enum value, translated (falls back to the raw value for a code we have no label for). */
export const EnumField = ({ source, group }: EnumFieldProps) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'string' || value === '') return <EmptyValue />;
  return (
    <Typography component="span" variant="body2">
      {translate(enumKey(group, value), { _: value })}
    </Typography>
  );
};

/** An array of enum values (focus areas, languages, states) as translated chips. */
export const EnumChipsField = ({ source, group }: EnumFieldProps) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source });
  const values = Array.isArray(value) ? value.map(String) : [];
  if (values.length === 0) return <EmptyValue />;
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, m: 0, p: 0, listStyle: 'none' }}>
      {values.map((item) => (
        <li key={item}>
          <Chip size="small" label={translate(enumKey(group, item), { _: item })} />
        </li>
      ))}
    </Box>
  );
};

const STATUS_COLORS: Record<MembershipStatus, ChipProps['color']> = {
  applicant: 'info',
  active: 'success',
  rejected: 'default',
  lapsed: 'warning',
  suspended: 'error',
  withdrawn: 'default',
};

/** Membership status as a coloured chip; the text carries the meaning, the colour only helps. */
export const MembershipStatusField = ({
  source = 'membershipStatus',
}: {
  source?: string;
  label?: string;
}) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'string') return <EmptyValue />;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={STATUS_COLORS[value as MembershipStatus] ?? 'default'}
      label={translate(enumKey('membershipStatus', value), { _: value })}
    />
  );
};

/** A date or date-time in the UI language's format. */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  const value: unknown = useFieldValue({ source: props.source ?? '' });
  // A plain date ("2025-12-31") is midnight UTC: format it in UTC so it never shows the day before.
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return (
    <DateField
      locales={locale === 'es' ? 'es-US' : 'en-US'}
      emptyText="—"
      options={dateOnly ? { timeZone: 'UTC' } : undefined}
      {...props}
    />
  );
};

/** A web address as an external link (only http/https, so a stored `javascript:` can't run). */
export const WebsiteField = ({ source }: { source: string; label?: string }) => {
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) {
    return typeof value === 'string' && value ? <span>{value}</span> : <EmptyValue />;
  }
  return (
    <MuiLink href={value} target="_blank" rel="noopener noreferrer nofollow">
      {value.replace(/^https?:\/\//i, '')}
    </MuiLink>
  );
};

/** A phone number as a `tel:` link. */
export const PhoneField = ({ source }: { source: string; label?: string }) => {
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'string' || !value) return <EmptyValue />;
  return <MuiLink href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</MuiLink>;
};

/** The record's `name`, as a link to its show page (keyboard- and screen-reader-friendly rows). */
export const NameLinkField = ({
  source = 'name',
  to,
}: {
  source?: string;
  label?: string;
  to: (id: string) => string;
}) => {
  const record = useRecordContext();
  const value: unknown = useFieldValue({ source });
  if (!record) return null;
  return (
    <LinkToRecord to={to(String(record.id))}>
      {typeof value === 'string' ? value : String(record.id)}
    </LinkToRecord>
  );
};

export const EmptyValue = () => (
  <Typography component="span" variant="body2" color="text.secondary" aria-hidden>
    —
  </Typography>
);

const LinkToRecord = ({ to, children }: { to: string; children: string }) => (
  <Link to={to} onClick={(event: MouseEvent) => event.stopPropagation()} sx={{ fontWeight: 500 }}>
    {children}
  </Link>
);
