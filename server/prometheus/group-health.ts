/**
 * Each group's rhythm, as Prometheus' history of its `push_time_seconds` tells it, refreshed on a
 * slow cycle while the model is kept fresh (viewers, or --export-group-health). Serves it to the
 * page (`-/pushboard/cadence`), answers "does Prometheus see this group?" for an expanded group,
 * and exports each group's health as metrics, so Prometheus can alert on a batch job that did not
 * run.
 */
import type { Cadence } from '../../core/cadence';
import type { Group } from '../../core/metrics-types';
import type { SeenView } from '../../core/wire/prometheus';
import { formatSelector, labelMatcher } from '../../core/selector';
import type { GatewayModel } from '../state/model';
import type { PrometheusClient, Sample } from './client';
import { cadenceQueries, cadences, groupingLabels, pushTimeSelector } from './cadence';
import type { PrometheusView } from './prometheus-view';

export interface HealthSettings {
  /** How often the rhythms are recomputed (ms). */
  refreshMs: number;
  /** The history looked at, as PromQL writes a range, e.g. "7d". */
  window: string;
  /** Overdue after this many usual intervals without a successful push. */
  factor: number;
  /** Expose each group's health at /-/pushboard/metrics. */
  export: boolean;
}

export const DEFAULT_HEALTH: HealthSettings = { refreshMs: 60_000, window: '604800s', factor: 2, export: false };

/** How Prometheus labels this gateway's series: what the scrape check found. */
export interface Basis {
  job: string;
  honorLabels: boolean;
  targetLabels: Record<string, string>;
}

/**
 * Prometheus' mean intervals by group key, and why there are none when there are none: one source
 * of the rhythms the page gets (server/history/rhythms.ts, core/wire/cadence.ts).
 */
export interface PrometheusCadence {
  available: boolean;
  /** Why there are no rhythms (Prometheus unreachable, not scraping the gateway…), or null. */
  reason: string | null;
  factor: number;
  window: string;
  /** How often the server reads them again (ms). */
  refreshMs: number;
  refreshedAt: number | null;
  /** Usual interval in seconds, by group key. */
  intervals: Record<string, number>;
}

/** How long one group's "does Prometheus see it?" answer is kept: tabs expanding it share one. */
export const SEEN_KEEP_MS = 10_000;
/** The most groups' answers kept at once (the oldest go first). */
const SEEN_KEPT = 500;

const round = (seconds: number) => Number(seconds.toPrecision(3));

export function basisOf(view: PrometheusView): Basis | string {
  if (!view.configured) return 'Prometheus is not configured.';
  if (!view.reachable) return view.error;
  if (view.check.state !== 'scraped') return 'Prometheus does not scrape this gateway.';
  const { target, honorLabels } = view.check;
  // A job missing from the configuration Prometheus reports is taken as the usual setup.
  return { job: target.job, honorLabels: honorLabels ?? true, targetLabels: target.labels };
}

/** The matchers for a group's series: its labels, moved to exported_* when honor_labels is off. */
export function seriesMatchers(labels: Readonly<Record<string, string>>, basis: Basis): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!basis.honorLabels) out.push(['job', basis.job]);
  const moved = (name: string) =>
    !basis.honorLabels && (name === 'job' || name === 'instance') ? `exported_${name}` : name;
  for (const [name, value] of Object.entries(labels)) out.push([moved(name), value]);
  // The gateway exposes a group without an instance with instance="": in Prometheus it has none.
  if (!('instance' in labels)) out.push([moved('instance'), '']);
  return out;
}

export class GroupHealth {
  private intervals = new Map<string, Cadence>();
  private reason: string | null = 'Not read from Prometheus yet.';
  private refreshedAt: number | null = null;
  /** When the last read began, whether it succeeded or not. */
  private attemptedAt: number | null = null;
  private seenKept = new Map<string, { at: number; answer: Promise<SeenView> }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private releaseHold: (() => void) | undefined;

  constructor(
    private readonly options: {
      client: PrometheusClient;
      view: () => Promise<PrometheusView>;
      model: GatewayModel;
      settings: HealthSettings;
      graphBase: string;
      log?: (line: string) => void;
      now?: () => number;
    },
  ) {}

  get settings(): HealthSettings {
    return this.options.settings;
  }

  /** Starts the cycle: the rhythms are read at once and then every refreshMs while the model is active. */
  start(): void {
    // The export must be true with nobody watching: then the server keeps polling the gateway.
    if (this.settings.export) this.releaseHold = this.options.model.hold();
    const tick = async () => {
      if (this.options.model.active) await this.refresh();
      // Stopped while reading: no further cycle.
      if (this.stopped) return;
      this.timer = setTimeout(() => void tick(), this.settings.refreshMs);
      this.timer.unref();
    };
    void tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.releaseHold?.();
  }

  /** Reads every group's rhythm, sharing a read already under way. */
  refresh(): Promise<void> {
    if (!this.running) this.attemptedAt = this.now();
    this.running ??= this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * The rhythms, read first if they are older than one cycle: with nobody watching the cycle
   * reads nothing, so the first viewer after a quiet spell would otherwise wait a whole cycle.
   * A read that failed counts as one: its week-long queries are not run again for every request
   * until Prometheus answers, only once a cycle.
   */
  async fresh(): Promise<PrometheusCadence> {
    const since = (at: number | null) => (at === null ? Infinity : this.now() - at);
    const cycle = this.settings.refreshMs;
    if (since(this.refreshedAt) > cycle && since(this.attemptedAt) > cycle) await this.refresh();
    return this.view();
  }

  /** Two queries for all groups together, however many there are. */
  private async read(): Promise<void> {
    const basis = basisOf(await this.options.view());
    if (typeof basis === 'string') {
      this.reason = basis;
      // Rhythms known before stay: they change slowly, and Prometheus may be back soon.
      return;
    }
    const { client, settings } = this.options;
    const queries = cadenceQueries(pushTimeSelector(basis.honorLabels, basis.job), settings.window);
    try {
      const [changes, spans] = await Promise.all([client.query(queries.changes), client.query(queries.span)]);
      this.intervals = cadences(
        changes,
        spans,
        (metric) => groupingLabels(metric, basis.honorLabels, basis.targetLabels),
        formatSelector,
      );
      this.reason = null;
      this.refreshedAt = this.now();
    } catch (error) {
      this.reason = (error as Error).message;
      this.options.log?.(`prometheus: could not read push rhythms: ${this.reason}`);
    }
  }

  view(): PrometheusCadence {
    const intervals: Record<string, number> = {};
    for (const [key, cadence] of this.intervals) intervals[key] = round(cadence.intervalSeconds);
    return {
      available: this.reason === null,
      reason: this.reason,
      factor: this.settings.factor,
      window: this.settings.window,
      refreshMs: this.settings.refreshMs,
      refreshedAt: this.refreshedAt,
      intervals,
    };
  }

  /**
   * Does Prometheus hold this group's push time, and when did it last scrape it? Kept for
   * SEEN_KEEP_MS per group, so however many tabs expand it, Prometheus answers once.
   */
  seen(group: Group): Promise<SeenView> {
    const now = this.now();
    const kept = this.seenKept.get(group.key);
    if (kept && now - kept.at <= SEEN_KEEP_MS) return kept.answer;
    for (const [key, { at }] of this.seenKept) if (now - at > SEEN_KEEP_MS) this.seenKept.delete(key);
    if (this.seenKept.size >= SEEN_KEPT) this.seenKept.delete(this.seenKept.keys().next().value!);
    const answer = this.readSeen(group);
    this.seenKept.set(group.key, { at: now, answer });
    return answer;
  }

  private async readSeen(group: Group): Promise<SeenView> {
    const basis = basisOf(await this.options.view());
    if (typeof basis === 'string') return { state: 'unavailable', reason: basis };
    const matchers = seriesMatchers(group.labels, basis);
    // Label names unquoted where they can be: Prometheus 2 reads no quoted names.
    const selector = `push_time_seconds{${matchers.map(([n, v]) => labelMatcher(n, v)).join(',')}}`;
    try {
      const [values, stamps] = await Promise.all([
        this.options.client.query(selector),
        this.options.client.query(`timestamp(${selector})`),
      ]);
      // A selector cannot say "no other labels": keep the series whose grouping key is exactly this one.
      const exact = (s: Sample) =>
        formatSelector(groupingLabels(s.metric, basis.honorLabels, basis.targetLabels)) === group.key;
      const value = values.find(exact);
      const stamp = stamps.find(exact);
      return {
        state: value ? 'seen' : 'not-seen',
        matchers,
        lastScrape: stamp ? Number(stamp.value[1]) * 1000 : null,
        pushTime: value ? Number(value.value[1]) : null,
        graphBase: this.options.graphBase,
      };
    } catch (error) {
      return { state: 'unavailable', reason: (error as Error).message };
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
