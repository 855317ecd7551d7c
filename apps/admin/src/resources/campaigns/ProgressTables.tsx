import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { CampaignProgressDto } from '@unidos/contracts';
import { formatDate } from './dates';
import { useCampaignFormat } from './fields';
import { percentOf } from './format';

const Num = ({ children }: { children: ReactNode }) => (
  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
    {children}
  </TableCell>
);

const Empty = ({ text }: { text: string }) => (
  <Typography variant="body2" color="text.secondary">
    {text}
  </Typography>
);

/** Pledged and reported per organization and metric. */
export const OrganizationsProgress = ({ progress }: { progress: CampaignProgressDto }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  if (progress.organizations.length === 0) return <Empty text={translate('unidos.progress.no_pledges')} />;
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('unidos.progress.by_organization')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('unidos.progress.organization')}</TableCell>
            <TableCell>{translate('unidos.progress.metric')}</TableCell>
            <TableCell align="right">{translate('unidos.progress.pledged')}</TableCell>
            <TableCell align="right">{translate('unidos.progress.reported')}</TableCell>
            <TableCell align="right">%</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {progress.organizations.map((row) => (
            <TableRow key={`${row.organizationId}-${row.metric}`}>
              <TableCell>
                <Link to={`/organizations/${encodeURIComponent(row.organizationId)}/show`}>
                  {row.organizationName}
                </Link>
              </TableCell>
              <TableCell>{format.metric(row.metric)}</TableCell>
              <Num>{format.quantity(row.pledged, row.metric)}</Num>
              <Num>{format.quantity(row.reported, row.metric)}</Num>
              <Num>{format.percent(row.percent)}</Num>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {progress.organizationsTotal > progress.organizations.length && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('unidos.progress.top_organizations', {
            shown: format.quantity(progress.organizations.length),
            total: format.quantity(progress.organizationsTotal),
          })}{' '}
          <Link
            to={`/pledges?filter=${encodeURIComponent(JSON.stringify({ campaignId: progress.campaignId }))}`}
          >
            {translate('unidos.progress.all_pledges')}
          </Link>
        </Typography>
      )}
    </TableContainer>
  );
};

/** Pledged and reported per region and metric. */
export const RegionsProgress = ({ progress }: { progress: CampaignProgressDto }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  if (progress.regions.length === 0) return <Empty text={translate('unidos.progress.no_pledges')} />;
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('unidos.progress.by_region')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('unidos.progress.region')}</TableCell>
            <TableCell>{translate('unidos.progress.metric')}</TableCell>
            <TableCell align="right">{translate('unidos.progress.organizations')}</TableCell>
            <TableCell align="right">{translate('unidos.progress.pledged')}</TableCell>
            <TableCell align="right">{translate('unidos.progress.reported')}</TableCell>
            <TableCell align="right">%</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {progress.regions.map((row) => (
            <TableRow key={`${row.regionId ?? 'none'}-${row.metric}`}>
              <TableCell>{row.regionName ?? translate('unidos.progress.no_region')}</TableCell>
              <TableCell>{format.metric(row.metric)}</TableCell>
              <Num>{format.quantity(row.organizations)}</Num>
              <Num>{format.quantity(row.pledged, row.metric)}</Num>
              <Num>{format.quantity(row.reported, row.metric)}</Num>
              <Num>{format.percent(percentOf(row.reported, row.pledged))}</Num>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** Open pledges past their due date, oldest first. */
export const OverduePledges = ({ progress }: { progress: CampaignProgressDto }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  if (progress.overdue.length === 0) return <Empty text={translate('unidos.progress.no_overdue')} />;
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('unidos.progress.overdue')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('unidos.progress.organization')}</TableCell>
            <TableCell>{translate('unidos.progress.metric')}</TableCell>
            <TableCell align="right">{translate('resources.pledges.fields.quantity')}</TableCell>
            <TableCell align="right">{translate('unidos.progress.reported')}</TableCell>
            <TableCell>{translate('resources.pledges.fields.dueOn')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {progress.overdue.map((pledge) => (
            <TableRow key={pledge.id}>
              <TableCell>
                <Link to={`/pledges/${encodeURIComponent(pledge.id)}/show`}>{pledge.organizationName}</Link>
              </TableCell>
              <TableCell>{format.metric(pledge.metric)}</TableCell>
              <Num>{format.quantity(pledge.quantity, pledge.metric)}</Num>
              <Num>{format.quantity(pledge.reported, pledge.metric)}</Num>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(format.locale, pledge.dueOn)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
