/**
 * The Prometheus scrape job for a gateway at `address` (its base URL, with any route prefix).
 * `honor_labels: true` keeps the `job` and `instance` the pushers set; without it Prometheus
 * renames them to `exported_job` / `exported_instance` and puts the gateway's own in their place.
 */
export function scrapeConfig(address: string): string {
  return ['scrape_configs:', ...jobLines('pushgateway', address)].join('\n') + '\n';
}

/**
 * With several gateways, one job per gateway (`pushgateway-eu-1`): each keeps its own scheme and
 * metrics path, and `up{job="pushgateway-eu-1"}` says which gateway is down. Each target also
 * carries `pushgateway: "eu-1"`: with honor_labels the pushed job and instance are all a series
 * has, so the same group on two gateways would otherwise be one series, its value flipping
 * between the two with every scrape.
 */
export function scrapeConfigs(gateways: ReadonlyArray<{ name: string; address: string }>): string {
  return (
    [
      'scrape_configs:',
      '  # One job per gateway; the pushgateway label tells apart the same group on several of them.',
      ...gateways.flatMap(({ name, address }) => jobLines(`pushgateway-${name}`, address, name)),
    ].join('\n') + '\n'
  );
}

function jobLines(jobName: string, address: string, gatewayLabel?: string): string[] {
  const url = new URL(address);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const lines = [
    `  - job_name: ${jobName}`,
    '    # Keep the job and instance labels the pushers set.',
    '    honor_labels: true',
  ];
  if (url.protocol === 'https:') lines.push('    scheme: https');
  if (base !== '/') lines.push(`    metrics_path: ${JSON.stringify(`${base}metrics`)}`);
  lines.push('    static_configs:', `      - targets: [${JSON.stringify(url.host)}]`);
  if (gatewayLabel !== undefined)
    lines.push('        labels:', `          pushgateway: ${JSON.stringify(gatewayLabel)}`);
  return lines;
}
