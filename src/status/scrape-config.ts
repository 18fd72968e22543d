/**
 * The Prometheus scrape job for a gateway at `address` (its base URL, with any route prefix).
 * `honor_labels: true` keeps the `job` and `instance` the pushers set; without it Prometheus
 * renames them to `exported_job` / `exported_instance` and puts the gateway's own in their place.
 */
export function scrapeConfig(address: string): string {
  const url = new URL(address);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const lines = [
    'scrape_configs:',
    '  - job_name: pushgateway',
    '    # Keep the job and instance labels the pushers set.',
    '    honor_labels: true',
  ];
  if (url.protocol === 'https:') lines.push('    scheme: https');
  if (base !== '/') lines.push(`    metrics_path: ${JSON.stringify(`${base}metrics`)}`);
  lines.push('    static_configs:', `      - targets: [${JSON.stringify(url.host)}]`);
  return lines.join('\n') + '\n';
}
