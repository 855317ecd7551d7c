import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Roboto ships with the app (no font CDN): the weights MUI uses, Latin letters (English, Spanish
// and most names); other scripts fall back to the system's fonts.
import '@fontsource/roboto/latin-300.css';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-700.css';
import '@fontsource/roboto/latin-ext-400.css';
import '@fontsource/roboto/latin-ext-500.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
