/**
 * Each group's rhythm, from the best source it has: a written expectation (expect: in
 * pushboard.yml) beats one learned from the server's own push history, which beats Prometheus'
 * mean (server/prometheus/group-health.ts). Served to the page at `-/pushboard/cadence`, beside
 * the usual intervals it always had, so its overdue badge, filter, sort and counts work with no
 * Prometheus at all.
 */
import type { Group } from '../../core/metrics-types';
import { formatSpan } from '../../core/prune';
import type { RhythmView } from '../../core/rhythm';
import type { CadenceAnswer } from '../../core/wire/cadence';
import type { PrometheusCadence } from '../prometheus/group-health';
import type { GatewayModel } from '../state/model';
import { expectationFor, writtenRhythm, type Expectation } from './expectations';
import type { PushHistory } from './push-history';

export interface RhythmSettings {
  /** Late after this many usual intervals without a successful push (plus the grace). */
  factor: number;
  /** Added to a learned rhythm's limit: the server sees a push at most one poll late (seconds). */
  graceSeconds: number;
}

const round = (seconds: number) => Number(seconds.toPrecision(4));

export class Rhythms {
  private expectations: readonly Expectation[] = [];

  constructor(
    private readonly options: {
      model: GatewayModel;
      history: PushHistory;
      settings: RhythmSettings;
      now?: () => number;
    },
  ) {}

  /** New expectations (at start, or on SIGHUP). */
  configure(expectations: readonly Expectation[] | undefined): void {
    this.expectations = expectations ?? [];
  }

  get expectationCount(): number {
    return this.expectations.length;
  }

  /** The group's rhythm: written, else learned, else Prometheus' mean interval (`prometheus`). */
  rhythmOf(group: Group, prometheus?: ReadonlyMap<string, number> | Record<string, number>): RhythmView | undefined {
    const { factor, graceSeconds } = this.options.settings;
    const expectation = expectationFor(group, this.expectations);
    const staleAfter = expectation?.staleAfter;
    const withStale = (view: RhythmView | undefined) =>
      view && staleAfter !== undefined ? { ...view, staleAfter } : view;
    const written = expectation ? writtenRhythm(expectation, group.pushTime, factor) : undefined;
    if (written) return withStale(written);
    if (group.pushTime <= 0 || group.problem) return undefined;
    const learned = this.options.history.interval(group.key);
    const mean =
      prometheus instanceof Map
        ? prometheus.get(group.key)
        : (prometheus as Record<string, number> | undefined)?.[group.key];
    const interval = learned ?? mean;
    if (interval === undefined) return undefined;
    return withStale({
      source: learned !== undefined ? 'learned' : 'prometheus',
      intervalSeconds: interval,
      describe: `usually every ${formatSpan(interval)}`,
      basis: group.pushTime,
      nextDue: group.pushTime + interval,
      lateAt: group.pushTime + factor * interval + graceSeconds,
    });
  }

  /** The stale threshold a group's expectation sets, if any. */
  staleAfterOf(group: Group): number | undefined {
    return expectationFor(group, this.expectations)?.staleAfter;
  }

  /** The usual or expected interval of the group with this key (for `late_for`). */
  intervalOf = (key: string): number | undefined => {
    const group = this.options.model.group(key);
    return group ? this.rhythmOf(group)?.intervalSeconds : undefined;
  };

  /** What the page reads: every group's rhythm, and Prometheus' reason when it gave none. */
  view(prometheus: PrometheusCadence | undefined): CadenceAnswer {
    const rhythms: Record<string, RhythmView> = {};
    const intervals: Record<string, number> = {};
    const staleAfter: Record<string, number> = {};
    for (const group of this.options.model.snapshot().groups) {
      const rhythm = this.rhythmOf(group, prometheus?.intervals);
      const stale = this.staleAfterOf(group);
      if (stale !== undefined) staleAfter[group.key] = stale;
      if (!rhythm) continue;
      const view = { ...rhythm, intervalSeconds: round(rhythm.intervalSeconds) };
      rhythms[group.key] = view;
      intervals[group.key] = view.intervalSeconds;
    }
    return {
      available: Object.keys(rhythms).length > 0 || (prometheus?.available ?? false),
      reason: prometheus?.reason ?? null,
      factor: this.options.settings.factor,
      refreshMs: prometheus?.refreshMs ?? 60_000,
      refreshedAt: prometheus?.refreshedAt ?? this.now(),
      intervals,
      rhythms,
      staleAfter,
    };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
