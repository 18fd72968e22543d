import { test as base, expect } from '@playwright/test';
import { deleteGroup, push } from '../scripts/push.js';
import { TestApp, TestGateway, type AppOptions, type GatewayOptions } from './harness';

type Labels = Record<string, string>;

interface Fixtures {
  gatewayOptions: GatewayOptions;
  appOptions: AppOptions;
  gateway: TestGateway;
  app: TestApp;
  /** Pushes text exposition to a group and expects the gateway to accept it. */
  pushGroup: (labels: Labels, body: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  gatewayOptions: [{}, { option: true }],
  appOptions: [{}, { option: true }],
  gateway: async ({ gatewayOptions }, use) => {
    const gateway = await TestGateway.start(gatewayOptions);
    await use(gateway);
    await gateway.dispose();
  },
  app: async ({ gateway, appOptions }, use) => {
    const app = await TestApp.start(gateway.url, appOptions);
    await use(app);
    await app.stop();
  },
  pushGroup: async ({ gateway }, use) => {
    await use(async (labels, body) => {
      const result = await push(gateway.url, labels, body);
      expect(result.status, `push to ${JSON.stringify(labels)}: ${result.text}`).toBeLessThan(300);
    });
  },
  page: async ({ page }, use) => {
    // Fast polling so tests see changes quickly; set before the app's first script runs.
    await page.addInitScript(() => {
      if (!localStorage.getItem('pushboard.pollIntervalMs')) localStorage.setItem('pushboard.pollIntervalMs', '2000');
    });
    await use(page);
  },
});

export { expect, deleteGroup, push };

/** The accessible name of a group's article: its selector. */
export const article = (page: import('@playwright/test').Page, selector: string) =>
  page.getByRole('article', { name: selector, exact: true });
