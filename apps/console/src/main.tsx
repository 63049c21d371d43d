import { StrictMode } from 'react';
import * as ReactDOM from 'react-dom/client';
import './i18n/i18n';
import App from './app/app';
import { session } from './lib/session/session';

// Restore the session from the refresh cookie (once) while the console renders its first frame.
void session.restore();

const root = ReactDOM.createRoot(document.getElementById('root') as HTMLElement);

root.render(
  <StrictMode>
    <App />
  </StrictMode>,
);
