import { describe, expect, it } from 'vitest';
import { parseGroup } from './metrics';
import type { Group } from './metrics-types';
import { compareGroups, groupByJob } from './order';

const group = (labels: Record<string, string>): Group => parseGroup({ labels, last_push_successful: true }, 0);

/** A repeatable shuffle (a small LCG), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const orders = <T>(items: readonly T[]): T[][] => [
  [...items],
  [...items].reverse(),
  ...[1, 2, 3, 42, 1234, 99999].map((seed) => shuffled(items, seed)),
];

const sectionsOf = (groups: readonly Group[]) =>
  groupByJob(groups).map((s) => ({ job: s.job, selectors: s.groups.map((g) => g.selector) }));

// In the expected order.
const expected = [
  { job: 'alpha', selectors: ['{job="alpha"}'] },
  {
    job: 'batch',
    selectors: [
      '{job="batch"}',
      '{job="batch", zone="a"}',
      '{job="batch", zone="b"}',
      '{job="batch", instance="node-2"}',
      '{job="batch", instance="node-10"}',
      '{job="batch", a="1", instance="node-10"}',
      '{job="batch", a="2", instance="node-10"}',
      '{job="batch", a="2", b="1", instance="node-10"}',
      '{job="batch", instance="web"}',
    ],
  },
  { job: 'Beta', selectors: ['{job="Beta", instance="x"}'] },
  { job: 'job-2', selectors: ['{job="job-2"}'] },
  { job: 'job-10', selectors: ['{job="job-10"}'] },
];

const all = expected.flatMap((s) =>
  s.selectors.map((selector) => {
    const labels: Record<string, string> = {};
    for (const m of selector.matchAll(/(\w+)="([^"]*)"/g)) labels[m[1] as string] = m[2] as string;
    return group(labels);
  }),
);

describe('groupByJob', () => {
  it('builds the test groups it means to', () => {
    expect(all.map((g) => g.selector)).toEqual(expected.flatMap((s) => s.selectors));
  });

  it('cuts sections by job in order, with instance-less groups first and numbers compared as numbers', () => {
    expect(sectionsOf(shuffled(all, 7))).toEqual(expected);
  });

  it('gives the same result whatever the input order', () => {
    for (const input of orders(all)) expect(sectionsOf(input)).toEqual(expected);
  });

  it('does not change its input', () => {
    const input = [...all].reverse();
    const copy = [...input];
    groupByJob(input);
    expect(input).toEqual(copy);
  });

  it('gives no sections for no groups', () => {
    expect(groupByJob([])).toEqual([]);
  });

  it('keeps each job in one section when numeric collation calls two jobs equal', () => {
    const groups = [
      group({ job: 'a-1' }),
      group({ job: 'a-01' }),
      group({ job: 'a-1', instance: 'x' }),
      group({ job: 'a-01', instance: 'x' }),
      group({ job: 'a-1', instance: 'y' }),
    ];
    for (const input of orders(groups)) {
      const sections = groupByJob(input);
      expect(sections.map((s) => s.job)).toEqual(['a-01', 'a-1']);
      expect(sections.map((s) => s.groups.length)).toEqual([2, 3]);
    }
  });

  it('keeps each job in one section when two spellings of a job are canonically equal', () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    const groups = [
      group({ job: composed }),
      group({ job: decomposed }),
      group({ job: composed, instance: 'i' }),
      group({ job: decomposed, instance: 'j' }),
    ];
    for (const input of orders(groups)) {
      const jobs = groupByJob(input).map((s) => s.job);
      expect(new Set(jobs).size).toBe(jobs.length);
      expect(jobs).toHaveLength(2);
    }
  });

  it('keeps groups of one instance together when numeric collation calls two instances equal', () => {
    const groups = [
      group({ job: 'j', instance: 'node-1' }),
      group({ job: 'j', instance: 'node-01', x: 'a' }),
      group({ job: 'j', instance: 'node-1', x: 'z' }),
    ];
    for (const input of orders(groups)) {
      const [section] = groupByJob(input);
      expect(section?.groups.map((g) => g.instance)).toEqual(['node-01', 'node-1', 'node-1']);
    }
  });
});

describe('compareGroups', () => {
  it('is 0 only for the same group and antisymmetric otherwise', () => {
    for (const a of all) {
      for (const b of all) {
        const c = compareGroups(a, b);
        if (a === b) expect(c).toBe(0);
        else {
          expect(c).not.toBe(0);
          expect(Math.sign(compareGroups(b, a))).toBe(-Math.sign(c));
        }
      }
    }
  });

  it('orders unreadable groups (no job) before the others, by key', () => {
    const broken = [parseGroup(null, 3), parseGroup(42, 1)];
    const sections = groupByJob([...all, ...broken]);
    expect(sections[0]?.job).toBe('');
    expect(sections[0]?.groups.map((g) => g.key)).toEqual(['unreadable-group-1', 'unreadable-group-3']);
  });
});
