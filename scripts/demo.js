#!/usr/bin/env node
// @ts-check
// `npm run demo`: pushes a realistic, varied data set into a Pushgateway.
import { parseArgs } from 'node:util';
import { groupPath } from '../core/group-path.js';
import { waves } from './demo-data.js';
import { push } from './push.js';

const usage = `usage: npm run demo -- [--gateway URL] [--no-wait]

Pushes the demo data set (several jobs, every metric type, odd grouping labels, a failed push and
a failed first push) in three waves a few seconds apart, so groups have different push times.

  --gateway URL   the gateway (default: $PUSHGATEWAY_URL, else http://localhost:9091)
  --no-wait       push all waves at once
  -h, --help      show this help`;

/** @type {{ values: { gateway?: string, 'no-wait'?: boolean, help?: boolean } }} */
let parsed;
try {
  parsed = parseArgs({
    options: { gateway: { type: 'string' }, 'no-wait': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  console.error(`demo: ${/** @type {Error} */ (error).message}\n\n${usage}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}

let base = parsed.values.gateway ?? process.env.PUSHGATEWAY_URL ?? 'http://localhost:9091/';
if (!base.endsWith('/')) base += '/';
const pause = parsed.values['no-wait'] ? 0 : 2500;

let pushed = 0;
let unexpected = 0;
try {
  for (const [i, wave] of waves.entries()) {
    if (i > 0 && pause) await new Promise((resolve) => setTimeout(resolve, pause));
    for (const { labels, body, expectFailure } of wave) {
      // Debian's 1.11.0 drops the connection instead of answering 400 to a refused push.
      const { status, text } = await push(base, labels, body).catch((/** @type {Error} */ error) => {
        if (!expectFailure) throw error;
        return { status: 0, text: `no answer (${error.message})` };
      });
      const ok = status >= 200 && status < 300;
      if (ok === Boolean(expectFailure)) unexpected++;
      pushed++;
      const note = ok ? '' : ` (${expectFailure ? 'refused on purpose' : 'unexpected'}: ${text.trim().slice(0, 100)})`;
      console.log(`PUT /${groupPath(labels)} -> ${status}${note}`);
    }
  }
} catch (error) {
  console.error(`demo: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}
console.log(`demo: ${pushed} pushes to ${base}${unexpected ? `, ${unexpected} did not go as planned` : ''}`);
process.exit(unexpected ? 1 : 0);
