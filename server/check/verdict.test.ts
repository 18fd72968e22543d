import { describe, expect, it } from 'vitest';
import type { Family, Group } from '../../core/metrics-types';
import type { GatewayFacts } from './gateway-facts';
import { judgePush } from './verdict';

const facts = (over: Partial<GatewayFacts> = {}): GatewayFacts => ({
  version: '1.5.1',
  newParser: false,
  utf8Names: false,
  consistencyCheck: true,
  own: [{ name: 'go_goroutines', type: 'GAUGE', help: 'Number of goroutines that currently exist.' }],
  ...over,
});

function group(labels: Record<string, string>, families: Array<Omit<Family, 'timeStamp'>>): Group {
  const series = { instance: '', ...labels };
  return {
    key: JSON.stringify(labels),
    labels,
    job: labels.job!,
    instance: labels.instance,
    selector: '',
    lastPushSuccessful: true,
    pushTime: 1,
    failureTime: 0,
    families: families.map((f) => ({
      ...f,
      timeStamp: '2026-01-01T00:00:00Z',
      samples: f.samples.map((s) => ({ ...s, labels: { ...series, ...s.labels } })),
    })),
    sampleCount: families.length,
  } as unknown as Group;
}

const gauge = (name: string, help = ''): Omit<Family, 'timeStamp'> => ({
  name,
  type: 'GAUGE',
  help,
  samples: [{ kind: 'value', labels: {}, value: '1' }],
});

const check = (path: string, body: string, groups: Group[] = [], over: Partial<GatewayFacts> = {}, replace = true) =>
  judgePush({ path, body: Buffer.from(body), protobuf: false, replace }, facts(over), groups);

const PREFIX = 'pushed metrics are invalid or inconsistent with existing metrics: ';

describe('judgePush', () => {
  it('accepts a plain body, with its grouping key', () => {
    expect(check('job/a/instance/i', 'g 1\n')).toMatchObject({
      accepted: true,
      status: 200,
      answer: '',
      groupingKey: { job: 'a', instance: 'i' },
    });
  });

  it('refuses a TYPE another group holds otherwise, in the gateway’s words', () => {
    const verdict = check('job/a', '# TYPE shared counter\nshared 1\n', [group({ job: 'other' }, [gauge('shared')])]);
    expect(verdict).toMatchObject({ accepted: false, status: 400, varies: true });
    expect(verdict.answer).toBe(
      `${PREFIX}collected metric "shared" { label:<name:"instance" value:"" > label:<name:"job" value:"a" > counter:<value:1 > } is not a GAUGE`,
    );
    expect(verdict.notes).toContain(
      'A refused push still marks the group as failed (and creates it if it did not exist).',
    );
  });

  it('accepts a HELP another group holds otherwise, and says so in a note', () => {
    const verdict = check('job/a', '# HELP shared Another.\n# TYPE shared gauge\nshared 1\n', [
      group({ job: 'other' }, [gauge('shared', 'The one.')]),
    ]);
    expect(verdict.accepted).toBe(true);
    expect(verdict.notes).toEqual([
      'shared: its HELP differs from another group\'s ("The one."). The gateway accepts that and shows one of the two.',
    ]);
  });

  it('refuses a name that collides with another group’s histogram (its series held with values)', () => {
    const histogram = group({ job: 'other' }, [
      {
        name: 'h',
        type: 'HISTOGRAM',
        help: '',
        samples: [{ kind: 'histogram', labels: {}, buckets: [['+Inf', '1']], count: '1', sum: '1' }],
      },
    ]);
    expect(check('job/a', 'h_count 1\n', [histogram])).toMatchObject({
      accepted: false,
      answer: `${PREFIX}collected metric named "h_count" collides with previously collected histogram named "h"`,
      varies: true,
    });
  });

  it('refuses a TYPE other than the gateway’s own metric’s, and timestamps', () => {
    expect(check('job/a', '# TYPE go_goroutines counter\ngo_goroutines 1\n').answer).toBe(
      `${PREFIX}gathered metric family go_goroutines has type COUNTER but should have GAUGE`,
    );
    expect(check('job/a', 't 1 1700000000000\n').answer).toBe(`${PREFIX}pushed metrics must not have timestamps`);
  });

  it('notes a body label the grouping key replaces, and a duplicate that makes', () => {
    const verdict = check('job/a', 'j{job="b"} 1\nj{job="c"} 2\n');
    expect(verdict.accepted).toBe(false);
    expect(verdict.answer).toContain('was collected before with the same name and label values');
    expect(verdict.notes).toContain('j: the body\'s job="b" is replaced by the grouping key\'s job="a".');
  });

  it('gives the parser’s and the path’s refusals before any consistency check', () => {
    expect(check('job/a', 'm one\n')).toMatchObject({
      accepted: false,
      answer: 'text format parsing error in line 1: expected float as value, got "one"',
      groupingKey: { job: 'a' },
    });
    expect(check('job@base64/a', 'm 1\n').notes[0]).toContain('before 1.6.1');
    expect(check('job@base64/a', 'm 1\n', [], { version: '1.11.0', newParser: true }).notes).toEqual([]);
  });

  it('accepts anything parsable with the consistency check off (202)', () => {
    expect(
      check('job/a', '# TYPE go_goroutines counter\ngo_goroutines 1\n', [], { consistencyCheck: false }),
    ).toMatchObject({ accepted: true, status: 202 });
  });

  it('warns that 1.11.0 drops the connection on a refusal', () => {
    expect(check('job/a', 'd 1\nd 2\n', [], { version: '1.11.0', newParser: true }).notes[0]).toContain(
      'closes the connection without answering',
    );
  });

  it('a POST keeps the group’s other families; a PUT replaces them', () => {
    const held = [group({ job: 'a' }, [gauge('k')])];
    const body = 'k_count 1\n# TYPE k_other gauge\nk_other 1\n';
    expect(check('job/a', body, held, {}, false).accepted).toBe(true);
    const retyped = [
      group({ job: 'a' }, [
        {
          ...gauge('k'),
          type: 'SUMMARY',
          samples: [{ kind: 'summary', labels: {}, quantiles: [], count: '1', sum: '1' }],
        },
      ]),
    ];
    expect(check('job/a', 'k_count 1\n', retyped, {}, false).accepted).toBe(false);
    expect(check('job/a', 'k_count 1\n', retyped, {}, true).accepted).toBe(true);
  });
});
