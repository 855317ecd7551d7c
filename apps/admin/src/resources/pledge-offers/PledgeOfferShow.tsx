import { Alert, Button, Grid, Stack } from '@mui/material';
import HandshakeIcon from '@mui/icons-material/Handshake';
import {
  EmailField,
  LinkBase,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { PledgeOfferDto } from '@unidos/contracts';
import { LocalDateField, PhoneField } from '../../common/fields';
import { Section } from '../../common/Section';
import { EnumChipField, EnumTextField, QuantityField } from '../campaigns/fields';
import { AcceptOfferButton, RejectOfferButton } from './OfferDecisionButtons';

const ShowActions = () => (
  <TopToolbar sx={{ gap: 1 }}>
    <AcceptOfferButton />
    <RejectOfferButton />
  </TopToolbar>
);

/** Once accepted: where the pledge it became lives. */
const Decision = () => {
  const translate = useTranslate();
  const offer = useRecordContext<PledgeOfferDto>();
  if (!offer || offer.status === 'pending') return null;
  if (offer.status === 'rejected') {
    return <Alert severity="info">{translate('unidos.offers.was_rejected')}</Alert>;
  }
  return (
    <Alert
      severity="success"
      action={
        offer.pledgeId ? (
          <Button
            color="inherit"
            size="small"
            component={LinkBase}
            to={`/pledges/${encodeURIComponent(offer.pledgeId)}/show`}
            startIcon={<HandshakeIcon />}
          >
            {translate('unidos.offers.open_pledge')}
          </Button>
        ) : undefined
      }
    >
      {translate('unidos.offers.was_accepted')}
    </Alert>
  );
};

const OfferPage = () => {
  const translate = useTranslate();
  const offer = useRecordContext<PledgeOfferDto>();
  if (!offer) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Decision />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={translate('unidos.offers.commitment')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              <ReferenceField source="campaignId" reference="campaigns" />
              <TextField source="organizationName" />
              <EnumTextField source="metric" group="pledgeMetric" />
              <QuantityField source="quantity" />
              <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
              <EnumChipField source="status" group="pledgeOfferStatus" />
              <LocalDateField source="createdAt" showTime />
              {offer.decidedAt ? <LocalDateField source="decidedAt" showTime /> : null}
              {offer.organizationId ? (
                <ReferenceField source="organizationId" reference="organizations" />
              ) : null}
            </SimpleShowLayout>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={translate('unidos.offers.contact')}>
            <SimpleShowLayout sx={{ p: 0 }}>
              <TextField source="contactName" />
              <EmailField source="contactEmail" emptyText="—" />
              <PhoneField source="contactPhone" />
            </SimpleShowLayout>
            <Alert severity="info" variant="outlined" sx={{ mt: 1 }}>
              {translate('unidos.offers.contact_privacy')}
            </Alert>
          </Section>
        </Grid>
      </Grid>
    </Stack>
  );
};

export const PledgeOfferShow = () => (
  <Show actions={<ShowActions />}>
    <OfferPage />
  </Show>
);
