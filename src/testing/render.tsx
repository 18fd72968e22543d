/**
 * Test helpers for component tests: a fresh QueryClient, gateway client and data source per test
 * (as the app's root provides them), and the platform's <dialog> for jsdom.
 */
import type { ReactElement, ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createGatewayClient, type GatewayClient } from '../gateway/client';
import { GatewayClientContext } from '../gateway/client-context';
import { createDataSource, DataSourceContext, type DataSource } from '../data';

export interface TestProviders {
  /** the gateway client (the page's own base, one gateway, by default) */
  gateway?: GatewayClient;
  /** the data source (none behind it, by default: each poll fetches the groups itself) */
  source?: DataSource;
}

/** The providers the app's root gives (boot.tsx), each fresh unless the test brings its own. */
export function providers({
  gateway = createGatewayClient(),
  source = createDataSource(undefined),
}: TestProviders = {}) {
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <GatewayClientContext value={gateway}>
        <DataSourceContext value={source}>{children}</DataSourceContext>
      </GatewayClientContext>
    );
  };
}

export function renderWithClient(ui: ReactElement, queryClient = freshClient(), options: TestProviders = {}) {
  const Providers = providers(options);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <Providers>{children}</Providers>
    </QueryClientProvider>
  );
  return { queryClient, ...render(ui, { wrapper }) };
}

export const freshClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });

/** jsdom has <dialog> but not showModal/close: enough of them for our modal. */
export function polyfillDialog() {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { __polyfilled?: boolean };
  if (proto.__polyfilled) return;
  proto.__polyfilled = true;
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
