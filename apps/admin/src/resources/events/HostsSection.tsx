import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import type { EventDetailDto, EventHostDto, EventTotalsDto } from '@unidos/contracts';
import { formatPercent, formatQuantity } from '../campaigns/format';
import { ProgressBar } from '../campaigns/fields';
import { EventEnumChip } from './fields';
import { counted, percentOfGoal, totalCounted } from './totals';

const Num = ({ value }: { value: number | null | undefined }) => {
  const [locale] = useLocaleState();
  return <>{value === null || value === undefined ? '—' : formatQuantity(locale, value, 'turnout')}</>;
};

const NumCell = ({ children, header = false }: { children: ReactNode; header?: boolean }) => (
  <TableCell
    align="right"
    sx={{
      fontVariantNumeric: 'tabular-nums',
      ...(header ? { fontWeight: 600, fontSize: '0.875rem', color: 'text.primary' } : {}),
    }}
  >
    {children}
  </TableCell>
);

/** Counted attendance against the goal: a bar with its numbers, or the number alone without a goal. */
const Turnout = ({ value, goal, name }: { value: number; goal: number | null; name: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const percent = percentOfGoal(value, goal);
  const quantity = formatQuantity(locale, value, 'turnout');
  if (percent === null || goal === null) {
    return (
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {quantity}
      </Typography>
    );
  }
  const text = translate('unidos.event_hosts.turnout_line', {
    counted: quantity,
    goal: formatQuantity(locale, goal, 'turnout'),
    percent: formatPercent(locale, percent),
  });
  return (
    <Box sx={{ minWidth: 140 }}>
      <ProgressBar
        percent={percent}
        label={translate('unidos.event_hosts.turnout_of', { name })}
        text={text}
        color={percent >= 100 ? 'success' : 'primary'}
        height={6}
      />
    </Box>
  );
};

const COLUMNS = [
  'turnoutGoal',
  'going',
  'maybe',
  'waitlisted',
  'checkedIn',
  'walkIns',
  'reportedAttendance',
] as const;

/**
 * Every host's numbers (never names): its invitation, turnout goal, RSVP counts, check-ins,
 * walk-ins and reported attendance, the totals row, and each one's turnout against its goal.
 */
export const HostsSection = ({
  event,
  totals,
  isError,
}: {
  event: EventDetailDto;
  totals: EventTotalsDto | undefined;
  isError: boolean;
}) => {
  const translate = useTranslate();
  if (isError) return <Alert severity="error">{translate('ra.notification.http_error')}</Alert>;
  if (!totals) {
    return <Typography color="text.secondary">{translate('unidos.common.loading')}</Typography>;
  }
  const hosts: EventHostDto[] = totals.hosts;
  const declined = (event.hosts ?? []).filter((host) => host.status === 'declined');
  const field = (name: string) => translate(`resources.event-hosts.fields.${name}`);
  // Goals and reports that nobody set read "—", not 0.
  const totalOf = (name: (typeof COLUMNS)[number]) =>
    (name === 'turnoutGoal' || name === 'reportedAttendance') && hosts.every((host) => host[name] === null)
      ? null
      : totals.totals[name];
  return (
    <Box sx={{ maxWidth: '100%', minWidth: 0 }}>
      {/* Eleven columns: the table scrolls in its own box instead of widening the page. */}
      <TableContainer sx={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Table size="small" aria-label={translate('unidos.event_hosts.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{field('organizationName')}</TableCell>
              <TableCell>{field('role')}</TableCell>
              <TableCell>{field('status')}</TableCell>
              {COLUMNS.map((name) => (
                <TableCell key={name} align="right">
                  {field(name)}
                </TableCell>
              ))}
              <TableCell>{translate('unidos.event_hosts.turnout')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {hosts.map((host) => (
              <TableRow key={host.id}>
                <TableCell component="th" scope="row">
                  <Link
                    to={`/organizations/${encodeURIComponent(host.organizationId)}/show`}
                    sx={{ fontWeight: 500 }}
                  >
                    {host.organizationName}
                  </Link>
                </TableCell>
                <TableCell>
                  <EventEnumChip group="eventHostRole" value={host.role} />
                </TableCell>
                <TableCell>
                  <EventEnumChip group="eventHostStatus" value={host.status} />
                </TableCell>
                {COLUMNS.map((name) => (
                  <NumCell key={name}>
                    <Num value={host[name]} />
                  </NumCell>
                ))}
                <TableCell>
                  <Turnout value={counted(host)} goal={host.turnoutGoal} name={host.organizationName} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell
                component="th"
                scope="row"
                colSpan={3}
                sx={{ fontWeight: 600, fontSize: '0.875rem', color: 'text.primary' }}
              >
                {translate('unidos.event_hosts.totals')}
              </TableCell>
              {COLUMNS.map((name) => (
                <NumCell key={name} header>
                  <Num value={totalOf(name)} />
                </NumCell>
              ))}
              <TableCell>
                <Turnout
                  value={totalCounted(hosts)}
                  goal={totals.totals.turnoutGoal || null}
                  name={translate('unidos.event_hosts.totals')}
                />
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </TableContainer>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('unidos.event_hosts.turnout_help')}
      </Typography>
      {declined.length > 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('unidos.event_hosts.declined_list', {
            names: declined.map((host) => host.organizationName).join(', '),
          })}
        </Typography>
      ) : null}
    </Box>
  );
};
