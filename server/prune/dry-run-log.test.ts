import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../core/matchers';
import { dueAt, type PruneRule } from '../../core/prune';
import { GatewayState } from '../state/gateway-state';
import { answer } from '../state/testing';
import { serverPruner } from './server-prune';

const family = (value: number) => ({ time_stamp: 't', type: 'GAUGE', metrics: [{ labels: {}, value: String(value) }] });
const raw = (job: string, pushTime: number) => ({
  labels: { job },
  last_push_successful: true,
  push_time_seconds: family(pushTime),
});
const matchers = (text: string) => {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.matchers;
};

describe('a dry run’s log', () => {
  it('says what changed since the last run and one summary line, not every due group every run', async () => {
    // Each run reads twice (the second read re-checks the due groups).
    const reads = [
      [raw('a', 1000), raw('b', 1000)],
      [raw('a', 1000), raw('b', 1000)],
      [raw('a', 1000), raw('b', 1000)],
      [raw('a', 1000), raw('b', 1000)],
      [raw('b', 1000), raw('c', 1000)],
    ].map(answer);
    const model = new GatewayState({
      fetchMetrics: () => Promise.resolve(reads.length > 1 ? reads.shift()! : reads[0]!),
      intervalMs: 60_000,
    });
    const lines: string[] = [];
    const pruner = serverPruner({
      model,
      send: () => Promise.resolve(),
      registry: new Registry(),
      dryRun: true,
      log: (line) => lines.push(line),
    });
    pruner.configure({
      intervalMs: 60_000,
      maxDeletesPerRun: 10,
      rules: [{ name: 'old', match: '{}', matchers: matchers('{}'), olderThan: 3600 }],
    });
    await pruner.run();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/selector=\{job="a"\} .*result=would delete$/);
    expect(lines[2]).toBe('prune: dry run: 2 groups would be deleted; since the last run 2 newly due, 0 no longer due');
    lines.length = 0;
    await pruner.run();
    expect(lines).toEqual([
      'prune: dry run: 2 groups would be deleted; since the last run 0 newly due, 0 no longer due',
    ]);
    lines.length = 0;
    await pruner.run();
    pruner.stop();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/selector=\{job="c"\} .*result=would delete$/);
    expect(lines[1]).toMatch(/selector=\{job="a"\} .*result=no longer due$/);
    expect(lines[2]).toBe('prune: dry run: 2 groups would be deleted; since the last run 1 newly due, 1 no longer due');
  });
});

describe('late_for', () => {
  const rule: PruneRule = { name: 'late', match: '{}', matchers: matchers('{}'), lateFor: 3 };
  const group = model();
  function model() {
    return {
      key: '{job="a"}',
      labels: { job: 'a' },
      pushTime: 1000,
      failureTime: 0,
      lastPushSuccessful: true,
    } as never;
  }

  it('is due 3 × the usual interval after the last successful push', () => {
    expect(dueAt(group, rule, () => 600)).toBe(1000 + 3 * 600);
  });

  it('never, for a group without a known interval', () => {
    expect(dueAt(group, rule, () => undefined)).toBeNull();
    expect(dueAt(group, rule)).toBeNull();
  });
});
