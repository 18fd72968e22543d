// @ts-check
/** The demo data set: realistic groups covering every metric type and every odd corner of group keys. */

/** @typedef {{ labels: Record<string, string>, body: string, expectFailure?: boolean }} DemoPush */

const backup = (
  /** @type {string} */ kind,
  /** @type {number} */ bytes,
  /** @type {number} */ seconds,
) => `# HELP backup_bytes_total Bytes written by the backup.
# TYPE backup_bytes_total counter
backup_bytes_total{kind="${kind}"} ${bytes}
# HELP backup_duration_seconds How long the last backup took.
# TYPE backup_duration_seconds gauge
backup_duration_seconds ${seconds}
# HELP backup_last_success_timestamp_seconds When the last backup finished successfully.
# TYPE backup_last_success_timestamp_seconds gauge
backup_last_success_timestamp_seconds ${Math.floor(Date.now() / 1000)}
`;

const etl = `# HELP etl_rows_processed_total Rows read, transformed and written.
# TYPE etl_rows_processed_total counter
etl_rows_processed_total{stage="extract"} 1.23456789e+09
etl_rows_processed_total{stage="load"} 1.2345e+09
# HELP etl_step_seconds Duration of each step.
# TYPE etl_step_seconds histogram
etl_step_seconds_bucket{le="0.5"} 2
etl_step_seconds_bucket{le="1"} 5
etl_step_seconds_bucket{le="2.5"} 9
etl_step_seconds_bucket{le="10"} 11
etl_step_seconds_bucket{le="60"} 12
etl_step_seconds_bucket{le="+Inf"} 12
etl_step_seconds_sum 58.25
etl_step_seconds_count 12
# HELP etl_rpc_seconds Latency of calls to the warehouse.
# TYPE etl_rpc_seconds summary
etl_rpc_seconds{quantile="0.5"} 0.042
etl_rpc_seconds{quantile="0.9"} 0.18
etl_rpc_seconds{quantile="0.99"} NaN
etl_rpc_seconds_sum 17.3
etl_rpc_seconds_count 311
# HELP etl_extremes Values at the edges of float64.
# TYPE etl_extremes gauge
etl_extremes{edge="tiny"} 1e-300
etl_extremes{edge="max"} +Inf
etl_extremes{edge="min"} -Inf
`;

const ci = (
  /** @type {number} */ ok,
  /** @type {number} */ seconds,
) => `# HELP ci_pipeline_success Whether the last pipeline run succeeded.
# TYPE ci_pipeline_success gauge
ci_pipeline_success ${ok}
# HELP ci_pipeline_duration_seconds Wall time of the last pipeline run.
# TYPE ci_pipeline_duration_seconds gauge
ci_pipeline_duration_seconds ${seconds}
# An untyped metric, as written by a shell script.
ci_artifacts_uploaded 17
`;

const cron = `# HELP cron_job_last_run_seconds Unix time of the last run.
# TYPE cron_job_last_run_seconds gauge
cron_job_last_run_seconds ${Math.floor(Date.now() / 1000)}
cron_job_exit_code 0
`;

/** Waves pushed a few seconds apart, so the groups have different push times. */
export const waves = /** @type {DemoPush[][]} */ ([
  [
    { labels: { job: 'backup', instance: 'db-1' }, body: backup('full', 1.23456789e9, 812.5) },
    { labels: { job: 'backup', instance: 'db-2' }, body: backup('incr', 42, 12.25) },
    { labels: { job: 'backup', instance: 'db-10' }, body: backup('incr', 7340032, 3.5) },
    { labels: { job: 'cron' }, body: cron },
    { labels: { job: 'report', instance: 'weekly' }, body: '# TYPE report_pages gauge\nreport_pages 12\n' },
  ],
  [
    { labels: { job: 'etl', instance: 'node-7', path: '/var/lib/etl', shard: '' }, body: etl },
    { labels: { job: 'etl', instance: 'node-8', path: '/srv/etl/eu-west', shard: '2' }, body: etl },
    { labels: { job: 'ci_pipeline', instance: 'runner-3', branch: 'main' }, body: ci(1, 431) },
    { labels: { job: 'ci_pipeline', instance: 'runner-4', branch: 'feature/login' }, body: ci(0, 97.5) },
  ],
  [
    { labels: { job: 'backup', instance: 'db-3' }, body: backup('full', 9.8e10, 3600.75) },
    // Same name as backup's counter with another TYPE: refused, the group is marked as failed.
    {
      labels: { job: 'report', instance: 'weekly' },
      body: '# TYPE backup_bytes_total gauge\nbackup_bytes_total 1\n',
      expectFailure: true,
    },
    // A refused first push still creates the group: it has only the failure time.
    {
      labels: { job: 'report', instance: 'monthly' },
      body: '# TYPE backup_duration_seconds counter\nbackup_duration_seconds 1\n',
      expectFailure: true,
    },
  ],
]);
