import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme with the alliance's colours (AA contrast with white text). */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#0b6e57', light: '#3f9c83', dark: '#004331', contrastText: '#ffffff' },
    secondary: { main: '#17324d', light: '#445b79', dark: '#000c25', contrastText: '#ffffff' },
    // MUI's default amber and light blue read below 4.5:1 as text on white (outlined chips,
    // captions): these keep the hue and pass WCAG AA (about 5.3:1 and 7.2:1).
    warning: { main: '#a45a00', light: '#d9822b', dark: '#6f3d00', contrastText: '#ffffff' },
    info: { main: '#01579b', light: '#4f83cc', dark: '#002f6c', contrastText: '#ffffff' },
    background: { default: '#f6f7f9' },
  },
  shape: { borderRadius: 8 },
  typography: {
    ...defaultLightTheme.typography,
    // Roboto ships with the app (@fontsource/roboto), so every device shows the same letters offline.
    fontFamily: [
      'Roboto',
      'system-ui',
      '-apple-system',
      '"Segoe UI"',
      '"Noto Sans"',
      '"Helvetica Neue"',
      'Arial',
      'sans-serif',
    ].join(','),
  },
};
