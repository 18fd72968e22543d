/**
 * What the Pushboard server answers about Prometheus, as it writes it (server/prometheus/) and
 * the page reads it (src/health/, src/status/): one declaration for both sides.
 */

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
