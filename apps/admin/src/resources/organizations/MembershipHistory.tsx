import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { MembershipHistoryEntryDto, OrganizationDto } from '@unidos/contracts';
import { enumKey } from '../../common/choices';
import type { UnidosDataProvider } from '../../providers/dataProvider';

/** Status changes of the organization, from `GET /api/organizations/:id/membership-history`. */
export const MembershipHistory = () => {
  const record = useRecordContext<OrganizationDto>();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useQuery({
    queryKey: ['organizations', 'membershipHistory', record?.id, record?.version],
    queryFn: () => dataProvider.getMembershipHistory(record!.id),
    enabled: record !== undefined,
  });

  if (isPending) {
    return <Typography color="text.secondary">{translate('unidos.common.loading')}</Typography>;
  }
  if (error) return <Alert severity="warning">{translate('unidos.organizations.history_error')}</Alert>;
  if (!data?.length) {
    return <Typography color="text.secondary">{translate('unidos.organizations.no_history')}</Typography>;
  }

  const status = (value: MembershipHistoryEntryDto['from']) =>
    value ? translate(enumKey('membershipStatus', value), { _: value }) : '—';
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'es' ? 'es-US' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  return (
    <Table size="small" aria-label={translate('unidos.organizations.history')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('unidos.history.at')}</TableCell>
          <TableCell>{translate('unidos.history.action')}</TableCell>
          <TableCell>{translate('unidos.history.from')}</TableCell>
          <TableCell>{translate('unidos.history.to')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell>
              <time dateTime={entry.at}>{when(entry.at)}</time>
            </TableCell>
            <TableCell>{translate(`unidos.audit.actions.${entry.action}`, { _: entry.action })}</TableCell>
            <TableCell>{status(entry.from)}</TableCell>
            <TableCell>{status(entry.to)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
