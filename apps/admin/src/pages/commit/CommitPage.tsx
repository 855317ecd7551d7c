import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Container, Divider, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { Link, useDataProvider, useLocaleState, useLocation, useTranslate } from 'react-admin';
import type { PublicCampaignDto } from '@unidos/contracts';
import { isUiLocale } from '../../i18n';
import type { UnidosDataProvider } from '../../providers/dataProvider';
import { errorStatus } from '../../providers/payload';
import { formatDate } from '../../resources/campaigns/dates';
import { useCampaignFormat } from '../../resources/campaigns/fields';
import { pledgeMetricsFor } from '../../resources/campaigns/format';
import { GoalProgress } from '../../resources/campaigns/GoalsSection';
import { LocaleToggle } from '../LocaleToggle';
import { CommitForm } from './CommitForm';
import { commitDraft } from './commitDraft';

/** After sending: a thank-you that takes the focus, so screen readers announce it. */
const ThankYou = ({ name, onAnother }: { name: string; onAnother: () => void }) => {
  const translate = useTranslate();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack spacing={2} role="status" sx={{ alignItems: 'flex-start' }}>
      <Typography component="h2" variant="h5" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
        {translate('unidos.commit.thanks_title')}
      </Typography>
      <Typography>{translate('unidos.commit.thanks_body', { name })}</Typography>
      <Button variant="outlined" onClick={onAnother}>
        {translate('unidos.commit.another')}
      </Button>
    </Stack>
  );
};

/** The campaign as the public sees it: summary, dates, demands in the chosen language, goals. */
const CampaignIntro = ({ campaign }: { campaign: PublicCampaignDto }) => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const demands = [...campaign.demands].sort((a, b) => a.position - b.position);
  return (
    <Stack spacing={2}>
      {campaign.summary ? <Typography sx={{ whiteSpace: 'pre-line' }}>{campaign.summary}</Typography> : null}
      {campaign.startsOn || campaign.endsOn ? (
        <Typography variant="body2" color="text.secondary">
          {translate('unidos.commit.dates', {
            start: formatDate(format.locale, campaign.startsOn),
            end: formatDate(format.locale, campaign.endsOn),
          })}
        </Typography>
      ) : null}
      {demands.length > 0 ? (
        <Box>
          <Typography component="h2" variant="h6" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('unidos.commit.demands')}
          </Typography>
          <Box component="ol" sx={{ m: 0, pl: 3 }}>
            {demands.map((demand) => (
              <Typography component="li" key={demand.position} sx={{ mb: 0.5, fontWeight: 500 }}>
                {format.demand(demand)}
              </Typography>
            ))}
          </Box>
        </Box>
      ) : null}
      {campaign.goals.length > 0 ? (
        <Box>
          <Typography component="h2" variant="h6" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('unidos.commit.goals')}
          </Typography>
          <Stack spacing={2}>
            {campaign.goals.map((goal) => (
              <GoalProgress key={goal.metric} goal={goal} />
            ))}
          </Stack>
        </Box>
      ) : null}
    </Stack>
  );
};

const NotTaking = () => {
  const translate = useTranslate();
  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom sx={{ fontWeight: 600 }}>
        {translate('unidos.commit.not_found_title')}
      </Typography>
      <Typography>{translate('unidos.commit.not_found_body')}</Typography>
    </>
  );
};

/**
 * The public "Commit to get involved" form of an active campaign (`/commit/:slug`, no session).
 * `?lang=es` opens it in Spanish; the toggle switches language without losing what was typed.
 */
export const CommitPage = () => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  const { search } = useLocation();
  const { slug = '' } = useParams();
  const dataProvider = useDataProvider<UnidosDataProvider>();
  if (commitDraft.slug !== slug) {
    commitDraft.slug = slug;
    commitDraft.values = null;
    commitDraft.sentName = null;
  }
  const [sentName, setSentName] = useState<string | null>(commitDraft.sentName);
  const [gone, setGone] = useState(false);

  const campaign = useQuery({
    queryKey: ['public-campaigns', slug],
    queryFn: () => dataProvider.getPublicCampaign(slug),
    retry: (count, error) => errorStatus(error) !== 404 && count < 2,
  });

  useEffect(() => {
    // Apply `?lang=` once per address: afterwards the toggle may pick the other language.
    if (commitDraft.langAppliedFor === search) return;
    commitDraft.langAppliedFor = search;
    const lang = new URLSearchParams(search).get('lang');
    if (isUiLocale(lang) && lang !== locale) setLocale(lang);
  }, [search, locale, setLocale]);

  const notFound = gone || errorStatus(campaign.error) === 404;
  useEffect(() => {
    const title = notFound
      ? translate('unidos.commit.not_found_title')
      : campaign.data
        ? `${translate('unidos.commit.title')} · ${campaign.data.name}`
        : translate('unidos.commit.title');
    document.title = `${title} · Unidos`;
  }, [translate, notFound, campaign.data]);

  const sent = (name: string) => {
    commitDraft.values = null;
    commitDraft.sentName = name;
    setSentName(name);
    void campaign.refetch();
  };
  const another = () => {
    commitDraft.sentName = null;
    setSentName(null);
  };

  let content;
  if (notFound) content = <NotTaking />;
  else if (campaign.isPending)
    content = <Typography role="status">{translate('unidos.common.loading')}</Typography>;
  else if (campaign.isError || !campaign.data) {
    content = (
      <Alert
        severity="error"
        role="alert"
        action={<Button onClick={() => void campaign.refetch()}>{translate('unidos.common.reload')}</Button>}
      >
        {translate(errorStatus(campaign.error) === 0 ? 'unidos.errors.network' : 'unidos.errors.generic')}
      </Alert>
    );
  } else {
    const data = campaign.data;
    content = (
      <>
        <Typography component="p" variant="overline" color="text.secondary">
          {translate('unidos.commit.campaign')}
        </Typography>
        <Typography component="h1" variant="h4" gutterBottom sx={{ fontWeight: 600 }}>
          {data.name}
        </Typography>
        <CampaignIntro campaign={data} />
        <Divider sx={{ my: 3 }} />
        {sentName ? (
          <ThankYou name={sentName} onAnother={another} />
        ) : (
          <>
            <Typography component="h2" variant="h5" gutterBottom sx={{ fontWeight: 600 }}>
              {translate('unidos.commit.title')}
            </Typography>
            <Typography sx={{ mb: 1 }}>{translate('unidos.commit.intro')}</Typography>
            <Alert severity="info" role="note" sx={{ mb: 2 }}>
              {translate('unidos.commit.privacy')}
            </Alert>
            <CommitForm
              slug={slug}
              metrics={pledgeMetricsFor(data.goals)}
              onSent={sent}
              onGone={() => setGone(true)}
            />
          </>
        )}
      </>
    );
  }

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', pb: 6 }}>
      <Box component="header" sx={{ bgcolor: 'secondary.main', color: 'secondary.contrastText', py: 1.5 }}>
        <Container
          maxWidth="md"
          sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}
        >
          <Typography component="p" variant="h6" sx={{ fontWeight: 700, letterSpacing: 0.5 }}>
            Unidos
          </Typography>
          <Box sx={{ bgcolor: 'background.paper', borderRadius: 1 }}>
            <LocaleToggle />
          </Box>
        </Container>
      </Box>
      <Container component="main" maxWidth="md" sx={{ mt: 4 }}>
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
          {content}
        </Paper>
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 2 }}>
          <Link to="/login" variant="body2">
            {translate('unidos.join.sign_in')}
          </Link>
        </Box>
      </Container>
    </Box>
  );
};
