import { describe, expect, it } from 'vitest';
import { plusForSpace } from './quirks';

describe('plusForSpace', () => {
  it('names the values where a "+" joins two words, as Python and Go send a space', () => {
    expect(plusForSpace({ job: 'py+job', instance: 'db+1', path: '/var/lib' })).toEqual(['job', 'instance']);
    expect(plusForSpace({ instance: 'eu+west', job: 'x', zone: 'b+c' })).toEqual(['instance', 'zone']);
    expect(plusForSpace({ job: 'nächster+Lauf' })).toEqual(['job']);
  });

  it('leaves alone pluses that are surely meant: numbers, sums, c++, and values with real spaces', () => {
    expect(plusForSpace({ job: 'x', v: '1e+10', w: '2.5E+3', lang: 'c++', n: '+1', sum: '1+1' })).toEqual([]);
    expect(plusForSpace({ job: 'a+b c' })).toEqual([]);
    expect(plusForSpace({ job: 'a b', empty: '' })).toEqual([]);
  });
});
