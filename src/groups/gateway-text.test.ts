import { describe, expect, it } from 'vitest';
import { groupOn } from '../testing/gateway-groups';
import { describeDuplicates, pushTiming } from './gateway-text';
import { groupTitle as groupName } from '../../core/gateway-key';

const dup = (gateway: string, pushTimeDelta: number | null, sameValues = true) => ({
  gateway,
  key: `@gateway="${gateway}" {job="a"}`,
  pushTimeDelta,
  sameValues,
});

describe('groupName', () => {
  it('is the selector with one gateway, and says the gateway with several', () => {
    expect(groupName(groupOn(undefined, { job: 'backup', instance: 'db-1' }))).toBe('{job="backup", instance="db-1"}');
    expect(groupName(groupOn('eu-1', { job: 'backup', instance: 'db-1' }))).toBe(
      '{job="backup", instance="db-1"} on eu-1',
    );
  });
});

describe('pushTiming', () => {
  it('says earlier for negative, later for positive, the same time under a second, nothing when unknown', () => {
    expect(pushTiming(-180)).toBe('3 min earlier');
    expect(pushTiming(42)).toBe('42 s later');
    expect(pushTiming(7200)).toBe('2 h later');
    expect(pushTiming(0.4)).toBe('at the same time');
    expect(pushTiming(-0.9)).toBe('at the same time');
    expect(pushTiming(-1)).toBe('1 s earlier');
    expect(pushTiming(null)).toBeNull();
  });
});

describe('describeDuplicates', () => {
  it('one other gateway: where, when, and whether the values differ', () => {
    expect(describeDuplicates([dup('eu-2', -180)])).toBe('Also on eu-2, pushed 3 min earlier · same values');
    expect(describeDuplicates([dup('eu-2', 0, false)])).toBe(
      'Also on eu-2, pushed at the same time · different values',
    );
    expect(describeDuplicates([dup('eu-2', null, false)])).toBe('Also on eu-2 · different values');
  });

  it('several: each with its own details, the last after "and"', () => {
    expect(describeDuplicates([dup('eu-2', -180), dup('us-1', 60, false)])).toBe(
      'Also on eu-2 (3 min earlier, same values) and us-1 (1 min later, different values)',
    );
    expect(describeDuplicates([dup('a', null), dup('b', 0.2), dup('c', 5, false)])).toBe(
      'Also on a (same values), b (at the same time, same values) and c (5 s later, different values)',
    );
  });
});
