/**
 * What the Pushboard server answers about Prometheus, as it writes it (server/prometheus/) and
 * the page reads it (src/health/, src/status/): one declaration for both sides, with the page's
 * decoders.
 */
import { isStringRecord } from '../validate';
import { Fields, WireShapeError } from './read';

/** The gateway's scrape target, as the status page shows it. */
export interface TargetView {
  job: string;
  scrapeUrl: string;
  health: string;
  lastError: string;
  lastScrape: string;
  lastScrapeDurationSeconds: number;
  scrapeInterval: string | null;
  /** The target's labels, which Prometheus adds to every series it scrapes there. */
  labels: Record<string, string>;
}

export type ScrapeCheck =
  | { state: 'not-scraped'; targets: number }
  | {
      state: 'scraped';
      target: TargetView;
      /** null when the job is not in the configuration Prometheus reports. */
      honorLabels: boolean | null;
      /** The job's configuration with honor_labels on, when it is off. */
      fixedConfig: string | null;
    };

/** `-/pushboard/prometheus`: the status page's Prometheus card. */
export type PrometheusView =
  | { configured: false }
  | { configured: true; address: string; reachable: false; error: string }
  | { configured: true; address: string; reachable: true; version: string | null; check: ScrapeCheck };

/** `-/pushboard/prometheus/group`: whether Prometheus has an expanded group's push time. */
export type SeenView =
  | { state: 'unavailable'; reason: string }
  | {
      state: 'seen' | 'not-seen';
      /** Label matchers that select this group's series in Prometheus. */
      matchers: Array<[string, string]>;
      /** When Prometheus last scraped the push time (ms), and the push time it holds (s). */
      lastScrape: number | null;
      pushTime: number | null;
      /** Prometheus' address as the browser reaches it, for "Open in Prometheus". */
      graphBase: string;
    };

const WHAT = 'a Prometheus answer';

function decodeTarget(f: Fields): TargetView {
  const labels = f.raw('labels');
  if (!isStringRecord(labels)) f.fail('labels', 'an object of strings');
  return {
    job: f.string('job'),
    scrapeUrl: f.string('scrapeUrl'),
    health: f.string('health'),
    lastError: f.string('lastError'),
    lastScrape: f.string('lastScrape'),
    lastScrapeDurationSeconds: f.number('lastScrapeDurationSeconds'),
    scrapeInterval: f.stringOrNull('scrapeInterval'),
    labels,
  };
}

function decodeCheck(f: Fields): ScrapeCheck {
  const state = f.string('state');
  if (state === 'not-scraped') return { state, targets: f.number('targets') };
  if (state !== 'scraped') f.fail('state', '"scraped" or "not-scraped"');
  const honorLabels = f.raw('honorLabels');
  if (honorLabels !== null && typeof honorLabels !== 'boolean') f.fail('honorLabels', 'true, false or null');
  return {
    state,
    target: decodeTarget(f.fields('target')),
    honorLabels,
    fixedConfig: f.stringOrNull('fixedConfig'),
  };
}

/** `-/pushboard/prometheus`; anything that is not an object is refused, as is a view with a field amiss. */
export function decodePrometheusView(json: unknown): PrometheusView {
  const f: Fields = Fields.of(WHAT, json);
  if (f.raw('configured') !== true) return { configured: false };
  const address = f.string('address');
  if (f.raw('reachable') !== true) return { configured: true, address, reachable: false, error: f.string('error') };
  return {
    configured: true,
    address,
    reachable: true,
    version: f.stringOrNull('version'),
    check: decodeCheck(f.fields('check')),
  };
}

/** `-/pushboard/prometheus/group`. */
export function decodeSeenView(json: unknown): SeenView {
  const f: Fields = Fields.of('a Prometheus group answer', json);
  const state = f.string('state');
  if (state === 'unavailable') return { state, reason: f.string('reason') };
  if (state !== 'seen' && state !== 'not-seen') f.fail('state', '"seen", "not-seen" or "unavailable"');
  const matchers = f.array('matchers');
  for (const [i, pair] of matchers.entries()) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new WireShapeError(f.what, `matchers[${i}]`, 'not a [name, value] pair');
    }
  }
  return {
    state,
    matchers: matchers as Array<[string, string]>,
    lastScrape: f.numberOrNull('lastScrape'),
    pushTime: f.numberOrNull('pushTime'),
    graphBase: f.string('graphBase'),
  };
}
