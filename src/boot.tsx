// The app proper, loaded by main.tsx once the first poll is under way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { AppCrash } from './app/AppCrash';
import { ErrorBoundary } from './components/ErrorBoundary';
import { setGatewayBase, setGateways } from './gateway/client';
import { startup } from './app/startup';
import { groupsQueryOptions } from './data';
import { ConfigContext } from './config/ConfigContext';
import { PollingProvider } from './polling/PollingContext';

const queryClient = new QueryClient();
const { config, gatewayBase } = await startup();
setGatewayBase(gatewayBase);
setGateways(config.gateways ?? []);
// Start the first poll now, while React renders, rather than after the list mounts (the status
// page counts the groups too, so it wants them as well).
void queryClient.prefetchQuery(groupsQueryOptions(false));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <PollingProvider>
          <ErrorBoundary fallback={(error) => <AppCrash error={error} />}>
            <App />
          </ErrorBoundary>
        </PollingProvider>
      </QueryClientProvider>
    </ConfigContext>
  </StrictMode>,
);
