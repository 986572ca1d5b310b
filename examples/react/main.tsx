import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import { App } from './App.js';

// One adapter for the page, created once (outside React's render).
const adapter = createRestAdapter({ baseUrl: '/api/secure-messages/v1', credentials: 'include' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App adapter={adapter} />
  </StrictMode>,
);
