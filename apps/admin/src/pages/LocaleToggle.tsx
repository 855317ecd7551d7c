import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { isUiLocale, LOCALE_NAMES, UI_LOCALES } from '../i18n';

/**
 * English / Español as two pressed-or-not buttons, for the pages outside the layout (login, join).
 * Each name is written in its own language and marked with `lang` for screen readers.
 */
export const LocaleToggle = () => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={locale}
      onChange={(_event, value: unknown) => {
        if (isUiLocale(value)) setLocale(value);
      }}
      aria-label={translate('unidos.common.language')}
    >
      {UI_LOCALES.map((code) => (
        <ToggleButton key={code} value={code} lang={code} sx={{ textTransform: 'none', px: 2 }}>
          {LOCALE_NAMES[code]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};
