import { describe, expect, it, vi } from 'vitest';
import { parseSelector } from '../../core/matchers';
import type { PruneRule } from '../../core/prune';
import { GatewayState } from '../state/gateway-state';
import { MultiGatewayState } from '../state/multi-state';
import type { FetchAnswer } from '../state/fetch-gateway';
import { answer } from '../state/testing';
import { auditLine, Pruner } from './pruner';

const NOW = 1_000_000;
const family = (value: number) => ({ time_stamp: 't', type: 'GAUGE', metrics: [{ labels: {}, value: String(value) }] });
/** A raw group last pushed `age` seconds before NOW (failed when `failed`). */
const raw = (job: string, instance: string, age: number, failed = false) => ({
  labels: { job, instance },
  last_push_successful: !failed,
  push_time_seconds: family(NOW - age - (failed ? 10 : 0)),
  ...(failed ? { push_failure_time_seconds: family(NOW - age) } : {}),
});
function rule(name: string, match: string, conditions: Partial<PruneRule>): PruneRule {
  const parsed = parseSelector(match);
  if (!parsed.ok) throw new Error(parsed.error);
  return { name, match, matchers: parsed.matchers, ...conditions };
}

/** A pruner over a gateway whose answers the test lists, one per read (the last one repeats). */
function setup(reads: unknown[][], options: { dryRun?: boolean; failDelete?: string } = {}) {
  const answers: FetchAnswer[] = reads.map(answer);
  const model = new GatewayState({
    fetchMetrics: () => Promise.resolve(answers.length > 1 ? answers.shift()! : answers[0]!),
    intervalMs: 60_000,
  });
  const deleted: string[] = [];
  const lines: string[] = [];
  const pruner = new Pruner({
    model,
    deleteGroup: (path) => {
      if (options.failDelete && path.includes(options.failDelete))
        return Promise.reject(new Error('The gateway answered 500'));
      deleted.push(path);
      return Promise.resolve();
    },
    dryRun: options.dryRun,
    events: { line: (l) => lines.push(l), acted: (a) => lines.push(auditLine(a)) },
    now: () => NOW * 1000,
  });
  return { pruner, deleted, lines };
}

describe('Pruner', () => {
  it('deletes the due groups by their exact paths, and logs one line each', async () => {
    const groups = [raw('ci', 'a', 7200), raw('ci', 'b', 60), raw('other', 'c', 7200)];
    const { pruner, deleted, lines } = setup([groups]);
    pruner.configure({
      intervalMs: 60_000,
      maxDeletesPerRun: 10,
      rules: [rule('ci', '{job="ci"}', { olderThan: 3600 })],
    });
    const report = await pruner.run();
    pruner.stop();
    expect(deleted).toEqual(['metrics/job@base64/Y2k/instance@base64/YQ']);
    expect(report.outcome).toBe('success');
    expect(report.rules).toEqual([{ rule: 'ci', matching: 1, deleted: 1, kept: 0, failed: 0 }]);
    expect(lines).toEqual([
      'prune: rule=ci match={job="ci"} selector={job="ci", instance="a"} last_push=2h ago result=deleted',
    ]);
  });

  it('keeps a group pushed again between the first read and the delete', async () => {
    const before = [raw('ci', 'a', 7200), raw('ci', 'b', 7200)];
    const after = [raw('ci', 'a', 1), raw('ci', 'b', 7200)];
    const { pruner, deleted, lines } = setup([before, after]);
    pruner.configure({
      intervalMs: 60_000,
      maxDeletesPerRun: 10,
      rules: [rule('ci', '{job="ci"}', { olderThan: 3600 })],
    });
    const report = await pruner.run();
    pruner.stop();
    expect(deleted).toEqual(['metrics/job@base64/Y2k/instance@base64/Yg']);
    expect(report.rules[0]).toMatchObject({ matching: 2, deleted: 1, kept: 1 });
    expect(lines[0]).toMatch(/instance="a"\} last_push=2h ago result=kept \(pushed again\)$/);
  });

  it('over its limit, a rule deletes none of its groups and says which rule, how many, and the limit', async () => {
    const groups = [raw('ci', 'a', 7200), raw('ci', 'b', 7200), raw('ci', 'c', 7200), raw('x', 'y', 7200)];
    const { pruner, deleted, lines } = setup([groups]);
    pruner.configure({
      intervalMs: 60_000,
      maxDeletesPerRun: 2,
      rules: [rule('typo', '{}', { olderThan: 3600 }), rule('x', '{job="x"}', { olderThan: 60 })],
    });
    const report = await pruner.run();
    pruner.stop();
    // The rule over its limit deletes nothing; the other rule still does its own work.
    expect(deleted).toEqual(['metrics/job@base64/eA/instance@base64/eQ']);
    expect(report.outcome).toBe('over_limit');
    expect(report.rules[0]).toEqual({
      rule: 'typo',
      matching: 4,
      deleted: 0,
      kept: 0,
      failed: 0,
      overLimit: { matching: 4, limit: 2 },
    });
    expect(lines[0]).toBe(
      'prune: rule=typo match={} matches 4 groups, over its limit of 2 (max_deletes_per_run): deleted none',
    );
    expect(report.rules[1]).toMatchObject({ rule: 'x', matching: 1, deleted: 1 });
  });

  it('in a dry run reports what it would delete and deletes nothing', async () => {
    const { pruner, deleted, lines } = setup([[raw('ci', 'a', 7200)]], { dryRun: true });
    pruner.configure({ intervalMs: 60_000, maxDeletesPerRun: 10, rules: [rule('ci', '{}', { olderThan: 3600 })] });
    await pruner.run();
    pruner.stop();
    expect(deleted).toEqual([]);
    expect(lines[0]).toMatch(/result=would delete$/);
  });

  it('reports a failed delete with the gateway’s words, and counts the run as failed', async () => {
    const { pruner, lines } = setup([[raw('ci', 'a', 7200), raw('ci', 'b', 7200)]], {
      failDelete: 'instance@base64/YQ',
    });
    pruner.configure({ intervalMs: 60_000, maxDeletesPerRun: 10, rules: [rule('ci', '{}', { olderThan: 3600 })] });
    const report = await pruner.run();
    pruner.stop();
    expect(report.outcome).toBe('failed');
    expect(report.rules[0]).toMatchObject({ deleted: 1, failed: 1 });
    expect(lines[0]).toMatch(/instance="a"\} .* result=failed \(The gateway answered 500\)$/);
  });

  it('skips the run, deleting nothing, when the gateway cannot be read', async () => {
    const model = new GatewayState({
      fetchMetrics: () => Promise.reject(new Error('ECONNREFUSED')),
      intervalMs: 60_000,
    });
    const lines: string[] = [];
    const pruner = new Pruner({
      model,
      deleteGroup: () => Promise.resolve(),
      events: { line: (l) => lines.push(l), acted: (a) => lines.push(auditLine(a)) },
    });
    pruner.configure({ intervalMs: 60_000, maxDeletesPerRun: 10, rules: [rule('ci', '{}', { olderThan: 1 })] });
    const report = await pruner.run();
    pruner.stop();
    expect(report).toMatchObject({ outcome: 'failed', error: 'ECONNREFUSED', rules: [] });
    expect(lines).toEqual(['prune: run skipped: cannot read the gateway: ECONNREFUSED']);
  });

  it('stopped with the server while a run is going, schedules no further run', async () => {
    vi.useFakeTimers();
    let release!: () => void;
    let reads = 0;
    const model = new GatewayState({
      fetchMetrics: () => {
        reads++;
        return new Promise((resolve) => (release = () => resolve(answer([raw('ci', 'a', 60)]))));
      },
      intervalMs: 60_000,
    });
    const pruner = new Pruner({
      model,
      deleteGroup: () => Promise.resolve(),
      events: { line: () => {}, acted: () => {} },
      now: () => NOW * 1000,
    });
    pruner.configure({ intervalMs: 1000, maxDeletesPerRun: 10, rules: [rule('ci', '{}', { olderThan: 3600 })] });
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(1);
    pruner.stop();
    release();
    await vi.advanceTimersByTimeAsync(5000);
    expect(pruner.nextRun).toBeUndefined();
    expect(reads).toBe(1);
    vi.useRealTimers();
  });
});

describe('Pruner over several gateways', () => {
  /** Two gateways holding the same groups; each one's answers listed per read (the last repeats). */
  function several(reads: Record<string, Array<unknown[] | Error>>) {
    const model = new MultiGatewayState({
      gateways: Object.entries(reads).map(([name, list]) => ({
        name,
        fetchMetrics: () => {
          const next = list.length > 1 ? list.shift()! : list[0]!;
          return next instanceof Error ? Promise.reject(next) : Promise.resolve(answer(next));
        },
      })),
      intervalMs: 60_000,
    });
    const deleted: string[] = [];
    const lines: string[] = [];
    const pruner = new Pruner({
      model,
      deleteGroup: (path, group) => {
        deleted.push(`${group.gateway} ${path}`);
        return Promise.resolve();
      },
      events: { line: (l) => lines.push(l), acted: (a) => lines.push(auditLine(a)) },
      now: () => NOW * 1000,
    });
    return { pruner, deleted, lines };
  }
  const old = [raw('ci', 'a', 7200)];

  it('deletes on each group’s own gateway, only those a rule names, and logs the gateway', async () => {
    const { pruner, deleted, lines } = several({ 'eu-1': [old], 'eu-2': [old] });
    pruner.configure({
      intervalMs: 60_000,
      maxDeletesPerRun: 10,
      rules: [{ ...rule('eu1', '{job="ci"}', { olderThan: 3600 }), gateways: ['eu-1'] }],
    });
    const report = await pruner.run();
    pruner.configure({ intervalMs: 60_000, maxDeletesPerRun: 10, rules: [rule('all', '{}', { olderThan: 3600 })] });
    await pruner.run();
    pruner.stop();
    expect(report.rules[0]).toMatchObject({ matching: 1, deleted: 1 });
    expect(deleted).toEqual([
      'eu-1 metrics/job@base64/Y2k/instance@base64/YQ',
      'eu-1 metrics/job@base64/Y2k/instance@base64/YQ',
      'eu-2 metrics/job@base64/Y2k/instance@base64/YQ',
    ]);
    expect(lines[0]).toBe(
      'prune: rule=eu1 match={job="ci"} selector={job="ci", instance="a"} gateway=eu-1 last_push=2h ago result=deleted',
    );
  });

  it('deletes nothing on a gateway it cannot read again, and goes on with the others', async () => {
    const { pruner, deleted, lines } = several({
      'eu-1': [old],
      'eu-2': [old, new Error('connect ECONNREFUSED')],
    });
    pruner.configure({ intervalMs: 60_000, maxDeletesPerRun: 10, rules: [rule('all', '{}', { olderThan: 3600 })] });
    const report = await pruner.run();
    pruner.stop();
    expect(deleted).toEqual(['eu-1 metrics/job@base64/Y2k/instance@base64/YQ']);
    expect(report).toMatchObject({ outcome: 'failed', rules: [{ matching: 2, deleted: 1, failed: 1 }] });
    expect(lines[1]).toMatch(
      /gateway=eu-2 .* result=failed \(could not read the gateway eu-2 again: connect ECONNREFUSED\)$/,
    );
  });
});
