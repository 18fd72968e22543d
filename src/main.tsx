import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { PollingProvider } from './polling/PollingContext';
import './app/index.css';

const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <PollingProvider>
        <App />
      </PollingProvider>
    </QueryClientProvider>
  </StrictMode>,
);
