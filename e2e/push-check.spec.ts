/**
 * The push check's truth table: for each crafted body, Pushboard's verdict equals what a real
 * scratch gateway answers when the same body is pushed, on each gateway version.
 */
import { expect, test } from './fixtures';
import { groupPath } from '../core/group-path.js';
import { push } from '../scripts/push.js';
import { PUSH_CASES } from './push-check-cases';

for (const c of PUSH_CASES) {
  test.describe(c.name, () => {
    test('Pushboard says what the gateway answers', async ({ gateway, app, gatewayBuild }) => {
      test.skip(Boolean(c.newer) && !gatewayBuild.newer, 'a 1.11+ case');
      for (const s of c.setup ?? []) expect((await push(gateway.url, s.labels, s.body)).status).toBeLessThan(300);
      const method = c.method ?? 'PUT';
      const check = await fetch(new URL(`-/pushboard/check/${groupPath(c.labels)}?method=${method}`, app.url), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; version=0.0.4' },
        body: c.body,
      });
      const verdict = (await check.json()) as { accepted: boolean; answer: string };
      const truth = await fetch(new URL(groupPath(c.labels), gateway.url), {
        method,
        headers: { 'Content-Type': 'text/plain; version=0.0.4' },
        body: c.body,
      })
        .then(async (r) => ({ status: r.status, text: (await r.text()).trim() }))
        .catch(() => ({ status: 0, text: '' }));
      expect(check.status, verdict.answer).toBe(truth.status >= 200 && truth.status < 300 ? 200 : 422);
      expect(verdict.accepted).toBe(truth.status >= 200 && truth.status < 300);
      const squeeze = (s: string) => s.replace(/ +/g, ' ');
      if (truth.status >= 400 && !c.varies) expect(squeeze(verdict.answer)).toBe(squeeze(truth.text));
    });
  });
}
