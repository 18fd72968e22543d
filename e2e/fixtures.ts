import { test as base, expect } from '@playwright/test';
import { deleteGroup, push } from '../scripts/push.js';
import { groupPath } from '../core/group-path.js';
import { encodeDelimited, PROTOBUF_CONTENT_TYPE, type MetricFamilyMessage } from '../src/gateway/protobuf';
import { GATEWAY_BUILDS, type GatewayBuild, type GatewayVersion } from './gateways';
import { TestApp, TestGateway, type AppOptions, type GatewayOptions } from './harness';

type Labels = Record<string, string>;

export interface WorkerOptions {
  /** Which gateway build this project runs against (one Playwright project per version). */
  gatewayVersion: GatewayVersion;
}

interface WorkerFixtures extends WorkerOptions {
  /** The build of `gatewayVersion`: its version string, binary and packaged assets. */
  gatewayBuild: GatewayBuild;
}

interface Fixtures {
  gatewayOptions: GatewayOptions;
  appOptions: AppOptions;
  gateway: TestGateway;
  app: TestApp;
  /** Pushes text exposition to a group and expects the gateway to accept it. */
  pushGroup: (labels: Labels, body: string) => Promise<void>;
  /**
   * Pushes text exposition that clashes with other groups' metrics, expects the gateway to refuse
   * it (400 with its reason, or no answer on 1.11.0) and to hold the group as failed afterwards.
   */
  pushRefused: (labels: Labels, body: string) => Promise<void>;
  /** PUTs metric families in the delimited protobuf format and expects the gateway to accept them. */
  pushProtobuf: (labels: Labels, families: MetricFamilyMessage[]) => Promise<void>;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  gatewayVersion: ['1.5.1', { option: true, scope: 'worker' }],
  gatewayBuild: [async ({ gatewayVersion }, use) => use(GATEWAY_BUILDS[gatewayVersion]), { scope: 'worker' }],
  gatewayOptions: [{}, { option: true }],
  appOptions: [{}, { option: true }],
  gateway: async ({ gatewayOptions, gatewayBuild }, use) => {
    const gateway = await TestGateway.start({ build: gatewayBuild, ...gatewayOptions });
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
  pushRefused: async ({ gateway, gatewayBuild }, use) => {
    await use(async (labels, body) => {
      const answer = await push(gateway.url, labels, body).catch((error: Error) => error);
      if (gatewayBuild.answersRefusals) {
        expect(answer).toMatchObject({
          status: 400,
          text: expect.stringContaining('inconsistent with existing metrics'),
        });
      } else {
        expect(String(answer)).toContain('cannot reach the gateway');
      }
      // The gateway's store hands the handler the refusal before it marks the group failed. 1.5.1
      // answers only once the store is done; 1.11.0's handler panics on the refusal and drops the
      // connection at once, so the mark can land just after the client sees the error: wait for it.
      const key = (l: Labels) => JSON.stringify(Object.entries(l).sort());
      const held = async () => (await gateway.groups()).find((g) => key(g.labels) === key(labels));
      await expect
        .poll(async () => (await held())?.last_push_successful, {
          message: `the gateway marks ${JSON.stringify(labels)} as failed`,
        })
        .toBe(false);
    });
  },
  pushProtobuf: async ({ gateway }, use) => {
    await use(async (labels, families) => {
      const response = await fetch(new URL(groupPath(labels), gateway.url), {
        method: 'PUT',
        headers: { 'Content-Type': PROTOBUF_CONTENT_TYPE },
        body: encodeDelimited(families),
      });
      expect(response.status, `protobuf push to ${JSON.stringify(labels)}: ${await response.text()}`).toBeLessThan(300);
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

/** Opens one of the toolbar's menus ("Options", "Actions") unless it is open already. */
export async function openMenu(page: import('@playwright/test').Page, name: 'Options' | 'Actions') {
  const menu = page.getByRole('button', { name, exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
}
