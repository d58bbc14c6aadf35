import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/600.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleProviders } from './app/console-providers';
import { ConsoleRouter } from './routes';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleProviders>
      <ConsoleRouter />
    </ConsoleProviders>
  </StrictMode>,
);
