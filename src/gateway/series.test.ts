import { describe, expect, it } from 'vitest';
import { seriesLabels, seriesText } from './series';

describe('seriesLabels', () => {
  it('drops the group labels and keeps the rest', () => {
    const group = { job: 'backup', instance: 'db-1' };
    expect(seriesLabels({ instance: 'db-1', job: 'backup', kind: 'full' }, group)).toEqual({ kind: 'full' });
  });

  it('drops the filler instance="" of a group without an instance', () => {
    expect(seriesLabels({ instance: '', job: 'weird' }, { job: 'weird' })).toEqual({});
    expect(seriesLabels({ instance: '', job: 'w', le: '0.5' }, { job: 'w' })).toEqual({ le: '0.5' });
  });

  it('drops group labels with empty values', () => {
    const group = { job: 'etl', empty: '', instance: 'node-7', path: '/var/lib/etl' };
    expect(seriesLabels({ ...group, v: 'pos' }, group)).toEqual({ v: 'pos' });
  });

  it('keeps a label whose value differs from the group', () => {
    expect(seriesLabels({ job: 'a', instance: 'other' }, { job: 'a', instance: 'i' })).toEqual({ instance: 'other' });
    expect(seriesLabels({ job: 'a', path: '' }, { job: 'a', path: '/x' })).toEqual({ path: '' });
  });

  it('keeps instance="" when the group has a real instance', () => {
    expect(seriesLabels({ job: 'a', instance: '' }, { job: 'a', instance: 'i' })).toEqual({ instance: '' });
  });

  it('keeps a non-empty instance on a group without one', () => {
    expect(seriesLabels({ job: 'a', instance: 'x' }, { job: 'a' })).toEqual({ instance: 'x' });
  });

  it('keeps other empty labels', () => {
    expect(seriesLabels({ job: 'a', instance: '', tag: '' }, { job: 'a' })).toEqual({ tag: '' });
  });

  it('passes hostile text through unchanged', () => {
    const text = '<img src=x onerror=alert(1)>"}\n';
    expect(seriesLabels({ job: 'a', [text]: text }, { job: 'a' })).toEqual({ [text]: text });
  });

  it('gives nothing for a sample without labels', () => {
    expect(seriesLabels({}, { job: 'a' })).toEqual({});
  });
});

describe('seriesText', () => {
  it('spells a series as PromQL does, without the gateway stand-in instance=""', () => {
    expect(seriesText('m', { job: 'j', instance: '', le: '0.5' })).toBe('m{job="j", le="0.5"}');
    expect(seriesText('m', { job: 'j', instance: 'i"1' })).toBe('m{job="j", instance="i\\"1"}');
    expect(seriesText('up', {})).toBe('up');
  });

  it('quotes UTF-8 label and metric names as Prometheus 3 does', () => {
    expect(seriesText('m', { 'foo.bar': 'baz' })).toBe('m{"foo.bar"="baz"}');
    expect(seriesText('http.requests', { job: 'j' })).toBe('{"http.requests", job="j"}');
    expect(seriesText('http.requests', {})).toBe('{"http.requests"}');
    expect(seriesText('ns:rule_rate5m', {})).toBe('ns:rule_rate5m');
  });
});
