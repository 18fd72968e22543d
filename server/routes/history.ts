/** The push history: one group's last pushes and rhythm, every job's strips, and the export of groups. */
import type { Router } from 'express';
import { EXPORT_PATH, exportRoute } from '../export.ts';
import { JobStrips } from '../history/job-strips.ts';
import { sharedFamilies } from '../history/shared-families.ts';
import type { AppGateway } from '../app-options.ts';
import type { Log, Services } from '../services.ts';
import { refuse } from './gates.ts';
import type { GroupHistory, JobStripsAnswer } from '../../core/wire/history.ts';

export function historyRoutes(
  router: Router,
  {
    services: { history, rhythms, state },
    gateways,
    trustProxy,
    log,
  }: {
    services: Pick<Services, 'history' | 'rhythms' | 'state'>;
    gateways: readonly AppGateway[];
    trustProxy: boolean;
    log: Log;
  },
): void {
  // One group's last pushes and its rhythm, for the strip on its card.
  router.get('/-/pushboard/history', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    const group = state.model.group(key);
    if (!group) return refuse(res, 404, 'No such group on the gateway.');
    res.json({
      pushes: history.entries(key),
      rhythm: rhythms.rhythmOf(group) ?? null,
      // What a failed push may have clashed with: this group's metric names held by other groups.
      shared: group.lastPushSuccessful ? [] : sharedFamilies(group, state.model.snapshot().groups),
    } satisfies GroupHistory);
  });
  // Every job's last pushes together, for the strips on the overview's job rows.
  const jobStrips = new JobStrips(history.store, () => state.model.snapshot());
  router.get('/-/pushboard/history/jobs', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ jobs: jobStrips.get() } satisfies JobStripsAnswer);
  });
  // The groups a filter shows, as the groups page exports them, streamed.
  const multi = gateways.length > 1;
  router.get(
    EXPORT_PATH,
    exportRoute({
      model: state.model,
      gatewayName: multi ? gateways.map((g) => g.name).join('+') : gateways[0].url.host,
      multi,
      trustProxy,
      log,
    }),
  );
}
