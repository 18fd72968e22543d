/**
 * The push check's truth table for UTF-8 names, which only gateways 1.11+ read (NEWER_ONLY in
 * e2e/split.ts): quoted names in the body, `U__` escaped label names in the path, with and without
 * --push.enable-utf8-names.
 */
import { test } from './fixtures';
import { compareWithGateway, type PushCase } from './push-check-cases';

const EITHER: PushCase[] = [
  { name: 'a quoted UTF-8 metric name', labels: { job: 'a' }, body: '{"my.metric"} 1\n' },
  {
    name: 'a quoted UTF-8 counter twice',
    labels: { job: 'a' },
    body: '# TYPE "my.c" counter\n{"my.c",a="1"} 1\n{"my.c",a="1"} 2\n',
  },
];

const cases = (flag: boolean): PushCase[] => [
  ...EITHER,
  { name: 'a quoted UTF-8 label name', labels: { job: 'a' }, body: 'm{"my.label"="x"} 1\n' },
  {
    name: 'an escaped label name in the path',
    labels: flag ? { job: 'a', 'my.key': 'v' } : { job: 'a', U__my_2e_key: 'v' },
    path: 'job/a/U__my_2e_key/v',
    body: 'm 1\n',
  },
];

test.describe('a gateway 1.11+ without --push.enable-utf8-names', () => {
  for (const c of cases(false)) {
    test(`${c.name}: Pushboard says what the gateway answers`, async ({ gateway, app }) => {
      await compareWithGateway(c, gateway, app);
    });
  }
});

test.describe('a gateway with --push.enable-utf8-names', () => {
  test.use({ gatewayOptions: { utf8Names: true } });
  for (const c of cases(true)) {
    test(`${c.name}: Pushboard says what the gateway answers`, async ({ gateway, app }) => {
      await compareWithGateway(c, gateway, app);
    });
  }
});
