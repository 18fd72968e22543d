// The app proper, loaded by main.tsx once the first poll is under way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { AppCrash } from './app/AppCrash';
import { ErrorBoundary } from './components/ErrorBoundary';
import { createGatewayClient } from './gateway/client';
import { GatewayClientContext } from './gateway/client-context';
import type { Startup } from './app/startup';
import { DataSourceContext, groupsQueryOptions, type DataSource } from './data';
import { ConfigContext } from './config/ConfigContext';
import { PollingProvider } from './polling/PollingContext';

/**
 * Renders the app around the page's data source and its gateway client, once the configuration
 * and the gateway's base are in (the entry made the source and started those requests).
 */
export async function boot(source: DataSource, startup: Promise<Startup>): Promise<void> {
  const queryClient = new QueryClient();
  const { config, gatewayBase } = await startup;
  // The page's one gateway client: the gateway's base, and each gateway's with several.
  const client = createGatewayClient(gatewayBase, config.gateways ?? []);
  // Start the first poll now, while React renders, rather than after the list mounts (the status
  // page counts the groups too, so it wants them as well).
  void queryClient.prefetchQuery(groupsQueryOptions({ source, client }, false));

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConfigContext value={config}>
        <GatewayClientContext value={client}>
          <DataSourceContext value={source}>
            <QueryClientProvider client={queryClient}>
              <PollingProvider>
                <ErrorBoundary fallback={(error) => <AppCrash error={error} />}>
                  <App />
                </ErrorBoundary>
              </PollingProvider>
            </QueryClientProvider>
          </DataSourceContext>
        </GatewayClientContext>
      </ConfigContext>
    </StrictMode>,
  );
}
