/** What Prometheus knows, as the server reads it: its view of the gateway, the rhythms, a group's push time. */
import type { Router } from 'express';
import type { Services } from '../services.ts';
import { refuse } from './gates.ts';
import type { CadenceAnswer } from '../../core/wire/cadence.ts';

export function prometheusRoutes(
  router: Router,
  {
    services: { prometheus, health, rhythms, state },
    refreshMs,
  }: {
    services: Pick<Services, 'prometheus' | 'health' | 'rhythms' | 'state'>;
    /** how often the page asks for the rhythms again (`--cadence-refresh-interval`) */
    refreshMs?: number;
  },
): void {
  router.get('/-/pushboard/prometheus', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(await prometheus());
  });
  // Each group's usual interval: the page judges overdue against the push times it already has.
  router.get('/-/pushboard/cadence', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    const answer = rhythms.view(health ? await health.fresh() : undefined);
    res.json((refreshMs ? { ...answer, refreshMs } : answer) satisfies CadenceAnswer);
  });
  // Does Prometheus hold this group's push time? Asked for an expanded group.
  router.get('/-/pushboard/prometheus/group', async (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    const group = state.model.group(key);
    if (!health) return void res.json({ state: 'unavailable', reason: 'Prometheus is not configured.' });
    if (!group) return refuse(res, 404, 'No such group on the gateway.');
    res.json(await health.seen(group));
  });
}
