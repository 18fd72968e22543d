import { describe, expect, it } from 'vitest';
import { caseClashes } from './check-case.js';

describe('caseClashes', () => {
  it('finds files and folders that differ only by case, with or without extension', () => {
    expect(caseClashes(['src/a/notices.ts', 'src/a/Notices.tsx'])).toHaveLength(1);
    expect(caseClashes(['src/Lib/x.ts', 'src/lib/y.ts'])).toEqual([['src/Lib/', 'src/lib/']]);
    expect(caseClashes(['README.md', 'readme.md'])).toEqual([['README.md', 'readme.md']]);
  });
  it('accepts what differs by more than case', () => {
    expect(
      caseClashes(['src/a/notice-types.ts', 'src/a/Notices.tsx', 'src/a/Notices.test.tsx', 'x.ts', 'x.tsx']),
    ).toEqual([]);
  });
});
