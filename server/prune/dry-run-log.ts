/**
 * A dry run's log: what changed since the last run (groups newly due, groups no longer due) and
 * one summary line, not every due group again each run (239 lines in 9 runs while nothing
 * changed, as the issue counted).
 */
import { auditLine, plural, type Action } from './pruner';

export class DryRunLog {
  /** What the last run would have deleted: rule and group key → its audit line's action. */
  private previous: Map<string, Action> | undefined;
  private current = new Map<string, Action>();

  constructor(private readonly log: (line: string) => void) {}

  add(action: Action): void {
    this.current.set(`${action.rule.name}\u0000${action.group.key}`, action);
  }

  /** The run ended: log the changes and the summary, and remember this run for the next. */
  end(): void {
    const before = this.previous ?? new Map<string, Action>();
    const now = this.current;
    let added = 0;
    let gone = 0;
    for (const [id, action] of now) {
      if (before.has(id)) continue;
      added++;
      this.log(auditLine(action));
    }
    for (const [id, action] of before) {
      if (now.has(id)) continue;
      gone++;
      this.log(auditLine({ ...action, result: 'no longer due' }));
    }
    const groups = new Set([...now.values()].map((a) => a.group.key)).size;
    this.log(
      `prune: dry run: ${plural(groups, 'group')} would be deleted; since the last run ${added} newly due, ${gone} no longer due`,
    );
    this.previous = now;
    this.current = new Map();
  }
}
