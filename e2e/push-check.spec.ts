/**
 * The push check's truth table: for each crafted body, Pushboard's verdict equals what a real
 * scratch gateway answers when the same body is pushed. Runs on both gateway versions
 * (VERSION_SENSITIVE in e2e/split.ts); the UTF-8 cases, 1.11+ only, are in push-check-utf8.spec.ts.
 */
import { test } from './fixtures';
import { compareWithGateway, PUSH_CASES } from './push-check-cases';

for (const c of PUSH_CASES) {
  test(`${c.name}: Pushboard says what the gateway answers`, async ({ gateway, app }) => {
    await compareWithGateway(c, gateway, app);
  });
}
