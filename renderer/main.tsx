// The renderer's entry: moves the one-time server token from the address bar into the tab, then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { takeTokenFromUrl } from './server-token.ts';
import './styles.css';

// Before the first call: the token moves from the address bar into this tab.
takeTokenFromUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
