import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Debian's prometheus package ships promtool (scripts/setup.sh installs it). */
const promtool = (...args: string[]) => spawnSync('promtool', args, { encoding: 'utf8', cwd: 'docs' });

describe('docs/alerting-rules.yml', () => {
  it('is what promtool accepts', () => {
    const check = promtool('check', 'rules', 'alerting-rules.yml');
    expect(check.stdout + check.stderr).toContain('SUCCESS: 3 rules found');
    expect(check.status).toBe(0);
  });

  it('fires for a late group and a failed push, and stays quiet for groups on time (promtool test rules)', () => {
    const test = promtool('test', 'rules', 'alerting-rules.test.yml');
    expect(test.stdout + test.stderr).toContain('SUCCESS');
    expect(test.status).toBe(0);
  });
});
