import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage, startI18n } from './i18n/i18n';
import { setApiLanguage } from './api/client';
import { App } from './app/app';
import { prefetchSession } from './app/session';
import './styles.css';

const language = initialLanguage();
setApiLanguage(language);
prefetchSession();
await startI18n(language);

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
// StrictMode's double effects are for development; in the build they would double every first request.
createRoot(root).render(
  import.meta.env.DEV ? (
    <StrictMode>
      <App />
    </StrictMode>
  ) : (
    <App />
  ),
);
