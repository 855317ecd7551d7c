import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Container, Paper, Stack, Typography } from '@mui/material';
import { Link, useLocaleState, useLocation, useTranslate } from 'react-admin';
import { isUiLocale } from '../../i18n';
import { LocaleToggle } from '../LocaleToggle';
import { JoinForm } from './JoinForm';
import { joinDraft } from './joinDraft';

/** After sending: a thank-you that takes the focus, so screen readers announce it. */
const ThankYou = ({ name, onAnother }: { name: string; onAnother: () => void }) => {
  const translate = useTranslate();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack spacing={2} role="status" sx={{ alignItems: 'flex-start' }}>
      <Typography component="h2" variant="h5" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
        {translate('unidos.join.thanks_title')}
      </Typography>
      <Typography>{translate('unidos.join.thanks_body', { name })}</Typography>
      <Button variant="outlined" onClick={onAnother}>
        {translate('unidos.join.another')}
      </Button>
    </Stack>
  );
};

/**
 * The public "Join the alliance" form (`/join`, no session needed). `?lang=es` opens it in Spanish;
 * the toggle switches language without losing what was typed (see `joinDraft`).
 */
export const JoinPage = () => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  const { search } = useLocation();
  const [sentName, setSentName] = useState<string | null>(joinDraft.sentName);

  useEffect(() => {
    // Apply `?lang=` once per address: afterwards the toggle may pick the other language (and the
    // page remounts on a language change, hence the memory outside React).
    if (joinDraft.langAppliedFor === search) return;
    joinDraft.langAppliedFor = search;
    const lang = new URLSearchParams(search).get('lang');
    if (isUiLocale(lang) && lang !== locale) setLocale(lang);
  }, [search, locale, setLocale]);

  useEffect(() => {
    document.title = `${translate('unidos.join.title')} · Unidos`;
  }, [translate]);

  const sent = (name: string) => {
    joinDraft.values = null;
    joinDraft.sentName = name;
    setSentName(name);
  };
  const another = () => {
    joinDraft.sentName = null;
    setSentName(null);
  };

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
          <Typography component="h1" variant="h4" gutterBottom sx={{ fontWeight: 600 }}>
            {translate('unidos.join.title')}
          </Typography>
          {sentName ? (
            <ThankYou name={sentName} onAnother={another} />
          ) : (
            <>
              <Typography sx={{ mb: 1 }}>{translate('unidos.join.intro')}</Typography>
              <Alert severity="info" role="note" sx={{ mb: 2 }}>
                {translate('unidos.join.privacy')}
              </Alert>
              <JoinForm onSent={sent} />
            </>
          )}
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
