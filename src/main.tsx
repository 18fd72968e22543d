import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { applyTheme } from './app/theme';
import { loadConfig } from './config/config';
import { setGatewayBase } from './gateway/client';
import { discoverGatewayBase } from './gateway/discover';
import { groupsQueryOptions } from './groups/api';
import { ConfigContext } from './config/ConfigContext';
import { PollingProvider } from './polling/PollingContext';
import './app/index.css';

applyTheme();
const queryClient = new QueryClient();
const config = await loadConfig();
setGatewayBase(await discoverGatewayBase(document.baseURI, config.gatewayBase));
// Start the first poll now, while React renders, rather than after the list mounts.
if (!window.location.hash.startsWith('#/status')) void queryClient.prefetchQuery(groupsQueryOptions(false));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <PollingProvider>
          <App />
        </PollingProvider>
      </QueryClientProvider>
    </ConfigContext>
  </StrictMode>,
);
