/** The prune rules and expectations in force, with the last reload's outcome; and the push check. */
import type { Router } from 'express';
import { CHECK_PATH, checkRoute } from '../check/route.ts';
import { rulesView } from '../prune/server-prune.ts';
import type { AppGateway } from '../app-options.ts';
import type { Services } from '../services.ts';
import type { RulesAnswer } from '../../core/wire/rules.ts';

export function rulesRoutes(
  router: Router,
  {
    services: { pruner, reloads, rhythms, state },
    readOnly,
    dryRun,
  }: {
    services: Pick<Services, 'pruner' | 'reloads' | 'rhythms' | 'state'>;
    readOnly: boolean;
    dryRun: boolean;
  },
): void {
  router.get('/-/pushboard/rules', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({
      ...rulesView(pruner, state.model, { readOnly, dryRun, intervalOf: rhythms.intervalOf }),
      reload: reloads.last,
    } satisfies RulesAnswer);
  });
}

/** Would this push be accepted, and shown as meant? Checked against the gateways' groups. */
export function checkRoutes(
  router: Router,
  { gateways, state }: { gateways: AppGateway[]; state: Services['state'] },
): void {
  router.use(CHECK_PATH, checkRoute({ gateways, model: state.model }));
}
