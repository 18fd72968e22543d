// @ts-check
/**
 * A realistic gateway, as an SRE meets one: about 300 groups over a dozen jobs on two gateways, each
 * job on its own rhythm (nightly, hourly, every 15 minutes, weekly, ad hoc CI branches that pile up),
 * a few failed pushes, a few hosts that stopped, and two jobs that push live every 10–30 s.
 */

/** @typedef {{ gateway: 'eu' | 'us', labels: Record<string, string>, age: number, body: string, fail?: string, live?: number }} SceneGroup */

/** A small seeded generator, so every run builds the same scene. */
function random(seed = 7) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Seconds since the last time a schedule fired before `now` (UTC).
 * @param {number} now Unix seconds
 * @param {{ every: number, at?: number }} schedule fires at `at` seconds past each period's start
 */
export function sinceLast(now, { every, at = 0 }) {
  return (((now - at) % every) + every) % every;
}

const gauge = (/** @type {string} */ name, /** @type {string} */ help, /** @type {number} */ value) =>
  `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}\n`;

const counter = (/** @type {string} */ name, /** @type {string} */ help, /** @type {string} */ lines) =>
  `# HELP ${name} ${help}\n# TYPE ${name} counter\n${lines}`;

/** A classic histogram with plausible, cumulative buckets. */
function histogram(/** @type {string} */ name, /** @type {string} */ help, /** @type {() => number} */ rand) {
  const bounds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  const total = 200 + Math.floor(rand() * 800);
  let lines = `# HELP ${name} ${help}\n# TYPE ${name} histogram\n`;
  let sum = 0;
  for (const [i, le] of bounds.entries()) {
    const share = 1 - Math.exp(-(i + 1) / 2.2);
    lines += `${name}_bucket{le="${le}"} ${Math.floor(total * share)}\n`;
    sum += le * total * 0.08;
  }
  return `${lines}${name}_bucket{le="+Inf"} ${total}\n${name}_sum ${sum.toFixed(3)}\n${name}_count ${total}\n`;
}

const summary = (/** @type {string} */ name, /** @type {string} */ help, /** @type {() => number} */ rand) => {
  const base = 0.02 + rand() * 0.05;
  return `# HELP ${name} ${help}\n# TYPE ${name} summary\n${name}{quantile="0.5"} ${base.toFixed(4)}
${name}{quantile="0.9"} ${(base * 3).toFixed(4)}\n${name}{quantile="0.99"} ${(base * 9).toFixed(4)}
${name}_sum ${(base * 1000).toFixed(3)}\n${name}_count 1000\n`;
};

/**
 * Every group of the scene, with its age in seconds at `now`.
 * @param {number} now Unix seconds
 * @returns {SceneGroup[]}
 */
export function sceneGroups(now) {
  const rand = random();
  const jitter = (/** @type {number} */ max) => Math.floor(rand() * max);
  /** @type {SceneGroup[]} */
  const groups = [];
  const add = (/** @type {SceneGroup} */ group) => groups.push(group);
  const doneAt = (/** @type {number} */ age) => Math.floor(now - age);

  // Nightly backups at 02:00 UTC, 24 databases; db-17 has not run for three nights.
  for (let i = 1; i <= 24; i++) {
    const age =
      i === 17
        ? 3 * DAY + sinceLast(now, { every: DAY, at: 2 * HOUR })
        : sinceLast(now, { every: DAY, at: 2 * HOUR }) - jitter(40 * 60);
    const body =
      counter(
        'backup_bytes_total',
        'Bytes written by the backup.',
        `backup_bytes_total{kind="full"} ${(1 + rand() * 90) * 1e9}\n`,
      ) +
      gauge('backup_duration_seconds', 'How long the last backup took.', Math.floor(300 + rand() * 2000)) +
      gauge(
        'backup_last_success_timestamp_seconds',
        'When the last backup finished successfully.',
        doneAt(Math.max(age, 0)),
      );
    add({ gateway: 'eu', labels: { job: 'backup', instance: `db-${i}` }, age: Math.max(age, 60), body });
  }
  // The hourly ETL at :05 on 20 nodes in two stages, with histograms and summaries.
  for (let node = 1; node <= 20; node++) {
    for (const stage of ['extract', 'load']) {
      const body =
        counter(
          'etl_rows_processed_total',
          'Rows read, transformed and written.',
          `etl_rows_processed_total ${Math.floor(rand() * 1e7)}\n`,
        ) +
        histogram('etl_step_seconds', 'Duration of each step.', rand) +
        summary('etl_rpc_seconds', 'Latency of calls to the warehouse.', rand);
      const age = sinceLast(now, { every: HOUR, at: 5 * 60 }) + jitter(120);
      add({ gateway: 'eu', labels: { job: 'etl', instance: `node-${node}`, stage }, age, body });
    }
  }
  // CI pipelines per branch: ad hoc, and nobody deletes merged branches, so they pile up for days.
  const branches = [
    'main',
    'release-2.4',
    'feature/login',
    'feature/sso',
    'fix/timeout',
    'renovate/react-19',
    'dependabot/npm/vite-8',
  ];
  for (let i = 0; i < 80; i++) {
    const branch = i < branches.length ? branches[i] : `feature/ticket-${4100 + i * 7}`;
    const ok = rand() > 0.15 ? 1 : 0;
    const body =
      gauge('ci_pipeline_success', 'Whether the last pipeline run succeeded.', ok) +
      gauge('ci_pipeline_duration_seconds', 'Wall time of the last pipeline run.', Math.floor(60 + rand() * 900)) +
      '# An untyped metric, as written by a shell script.\nci_artifacts_uploaded ' +
      jitter(40) +
      '\n';
    const age = i < 3 ? 120 + jitter(900) : Math.floor(600 + rand() ** 2 * 6 * DAY);
    add({ gateway: 'eu', labels: { job: 'ci_pipeline', instance: `runner-${1 + (i % 8)}`, branch }, age, body });
  }
  // Certificate renewal every 12 h on 12 hosts; lb-3 stopped renewing two and a half days ago.
  for (let i = 1; i <= 12; i++) {
    const host = i <= 4 ? `lb-${i}` : `web-${i - 4}`;
    const age = host === 'lb-3' ? 2.5 * DAY : sinceLast(now, { every: 12 * HOUR, at: HOUR }) + jitter(300);
    const body =
      gauge('cert_expiry_timestamp_seconds', 'When the served certificate expires.', doneAt(age) + 90 * DAY) +
      gauge('cert_renewal_success', 'Whether the renewal succeeded.', 1);
    add({ gateway: 'eu', labels: { job: 'cert_renewal', instance: host }, age, body });
  }
  // A weekly report on Mondays at 06:00 UTC: four days old is on time.
  for (const report of ['sales', 'capacity', 'costs', 'security', 'slo', 'incidents']) {
    const age = sinceLast(now, { every: 7 * DAY, at: 4 * DAY + 6 * HOUR }) + jitter(600);
    add({
      gateway: 'eu',
      labels: { job: 'weekly_report', instance: report },
      age,
      body: gauge('report_pages', 'Pages in the rendered report.', 3 + jitter(40)),
    });
  }
  // Nightly vacuum at 03:30 on 18 databases.
  for (let i = 1; i <= 18; i++) {
    const age = sinceLast(now, { every: DAY, at: 3.5 * HOUR }) + jitter(1200);
    add({
      gateway: 'eu',
      labels: { job: 'db_vacuum', instance: `pg-${i}` },
      age,
      body: gauge('vacuum_dead_tuples', 'Dead tuples left after the run.', jitter(50000)),
    });
  }
  // Exports every 15 minutes, 30 tenants; two refused their last push (a TYPE clash).
  for (let i = 1; i <= 30; i++) {
    const age = sinceLast(now, { every: 15 * 60 }) + jitter(60);
    const body =
      counter('export_rows_total', 'Rows exported.', `export_rows_total ${jitter(1e6)}\n`) +
      gauge('export_duration_seconds', 'Wall time of the export.', 5 + jitter(200));
    const fail = i === 7 || i === 23 ? '# TYPE export_rows_total gauge\nexport_rows_total 1\n' : undefined;
    add({ gateway: 'us', labels: { job: 'batch_export', instance: `tenant-${i}` }, age, body, fail });
  }
  // Hourly log rotation on 30 hosts; one failed push.
  for (let i = 1; i <= 30; i++) {
    const age = sinceLast(now, { every: HOUR }) + jitter(90);
    const fail = i === 12 ? '# TYPE logrotate_files_total gauge\nlogrotate_files_total 1\n' : undefined;
    add({
      gateway: 'us',
      labels: { job: 'log_rotate', instance: `app-${i}` },
      age,
      body: counter('logrotate_files_total', 'Files rotated.', `logrotate_files_total ${jitter(300)}\n`),
      fail,
    });
  }
  // Ad hoc training runs, one to six days old.
  for (let i = 1; i <= 10; i++) {
    const body =
      histogram('training_step_seconds', 'Duration of one training step.', rand) +
      gauge('training_loss', 'Final loss.', Number((0.1 + rand()).toFixed(4)));
    add({
      gateway: 'us',
      labels: { job: 'ml_training', instance: `gpu-${i}`, model: `ranker-v${i}` },
      age: Math.floor(DAY + rand() * 5 * DAY),
      body,
    });
  }
  // Live jobs: a cache warmer every 20 s and smoke tests every 15 s; smoke-9 stopped 10 minutes ago.
  for (let i = 1; i <= 20; i++) {
    add({
      gateway: 'eu',
      labels: { job: 'cache_warmer', instance: `edge-${i}` },
      age: jitter(20),
      body: gauge('cache_warm_keys', 'Keys warmed in the last run.', jitter(1e5)),
      live: 20,
    });
  }
  for (let i = 1; i <= 25; i++) {
    const body =
      gauge('smoke_test_success', 'Whether the smoke test passed.', 1) +
      gauge('smoke_test_duration_seconds', 'How long it took.', Number((0.2 + rand()).toFixed(3)));
    add({
      gateway: 'us',
      labels: { job: 'smoke_test', instance: `probe-${i}` },
      age: i === 9 ? 600 : jitter(15),
      body,
      live: i === 9 ? undefined : 15,
    });
  }
  return groups;
}
