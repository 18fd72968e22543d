/**
 * Every group's push history, by group key, and its file in the data directory
 * (`--data-dir`/`history.json`). Writes are atomic (a temporary file, flushed, then renamed over
 * the old one), so a crash mid-write leaves the last complete file. A file that cannot be read or
 * is not Pushboard's history is moved aside with a warning and the server starts afresh: history
 * is worth keeping, never worth refusing to start for.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { PushRing } from './ring';

export const HISTORY_FILE = 'history.json';
const FORMAT = 'pushboard-push-history';
const VERSION = 1;

interface HistoryFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  savedAt: number;
  /** Successes as Unix seconds, failures negative, oldest first. */
  groups: Record<string, number[]>;
}

export class HistoryStore {
  readonly rings = new Map<string, PushRing>();
  private dirty = false;
  /** Counts every change of any ring: what is derived from the rings is kept until it moves. */
  changes = 0;
  private writing: Promise<void> | undefined;

  constructor(
    /** Where the file lives; undefined keeps the history in memory only. */
    readonly dir: string | undefined,
    private readonly log: (line: string) => void = console.log,
  ) {}

  get file(): string | undefined {
    return this.dir === undefined ? undefined : path.join(this.dir, HISTORY_FILE);
  }

  private changed(): void {
    this.dirty = true;
    this.changes++;
  }

  ring(key: string): PushRing | undefined {
    return this.rings.get(key);
  }

  /** Records the group's push times as the gateway has them now; true when either was new. */
  record(key: string, pushTime: number, failureTime: number): boolean {
    let ring = this.rings.get(key);
    if (!ring) {
      if (pushTime <= 0 && failureTime <= 0) return false;
      ring = new PushRing();
      this.rings.set(key, ring);
    }
    // In time order, so that a failure after the last success lands after it on the strip.
    const events: Array<[number, boolean]> = [];
    if (pushTime > 0) events.push([pushTime, true]);
    if (failureTime > 0) events.push([failureTime, false]);
    events.sort((a, b) => a[0] - b[0]);
    let changed = false;
    for (const [time, ok] of events) changed = (ok ? ring.success(time) : ring.failure(time)) || changed;
    if (changed) this.changed();
    return changed;
  }

  /** Forgets groups no longer on the gateway. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.rings.keys()) {
      if (!keys.has(key)) {
        this.rings.delete(key);
        this.changed();
      }
    }
  }

  /** Puts a ring in place of the group's (history filled from elsewhere, e.g. Prometheus). */
  replace(key: string, ring: PushRing): void {
    this.rings.set(key, ring);
    this.changed();
  }

  forget(key: string): void {
    if (this.rings.delete(key)) this.changed();
  }

  /** Bytes held by the rings' entries (what the bench reports beside the heap). */
  get bytes(): number {
    let sum = 0;
    for (const ring of this.rings.values()) sum += ring.bytes;
    return sum;
  }

  /** Reads the file, if any; a bad one is moved aside and the history starts empty. */
  load(): void {
    const file = this.file;
    if (!file) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      return this.setAside(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.setAside(file, 'it is not JSON');
    }
    const problem = checkFile(parsed);
    if (problem) return this.setAside(file, problem);
    for (const [key, values] of Object.entries((parsed as HistoryFile).groups)) {
      const ring = PushRing.from(values.filter((v) => typeof v === 'number'));
      if (ring.size > 0) this.rings.set(key, ring);
    }
  }

  private setAside(file: string, why: string): void {
    const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(file, aside);
      this.log(
        `pushboard: warning: the push history ${file} is not usable (${why}): moved to ${aside}, starting afresh`,
      );
    } catch (error) {
      this.log(
        `pushboard: warning: the push history ${file} is not usable (${why}) and could not be moved aside (${(error as Error).message}): starting afresh, it will be overwritten`,
      );
    }
  }

  private text(): string {
    const groups: Record<string, number[]> = {};
    for (const [key, ring] of this.rings) groups[key] = ring.raw().map((v) => Math.round(v * 1000) / 1000);
    const file: HistoryFile = { format: FORMAT, version: VERSION, savedAt: Date.now(), groups };
    return JSON.stringify(file);
  }

  /** Writes the file when something changed since the last write (one write at a time). */
  async save(): Promise<void> {
    const file = this.file;
    if (!file || !this.dirty) return;
    if (this.writing) return this.writing;
    this.dirty = false;
    const temp = `${file}.tmp-${process.pid}`;
    this.writing = (async () => {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const handle = await open(temp, 'w', 0o600);
        try {
          await handle.writeFile(this.text());
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (error) {
        this.dirty = true;
        this.log(`pushboard: warning: could not write the push history ${file}: ${(error as Error).message}`);
        await unlink(temp).catch(() => {});
      }
    })().finally(() => (this.writing = undefined));
    return this.writing;
  }

  /** The last write, on the way out (synchronous: the process may exit right after). */
  saveNow(): void {
    const file = this.file;
    if (!file || !this.dirty) return;
    const temp = `${file}.tmp-${process.pid}`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temp, this.text(), { mode: 0o600 });
      renameSync(temp, file);
      this.dirty = false;
    } catch (error) {
      this.log(`pushboard: warning: could not write the push history ${file}: ${(error as Error).message}`);
    }
  }
}

/** Why a parsed file is not a history this version can read, or null when it is. */
function checkFile(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const file = value as Partial<HistoryFile>;
  if (file.format !== FORMAT) return `it is not a Pushboard push history (no "format": "${FORMAT}")`;
  if (file.version !== VERSION) return `it is version ${String(file.version)}, this Pushboard reads ${VERSION}`;
  if (typeof file.groups !== 'object' || file.groups === null) return 'it has no groups';
  for (const values of Object.values(file.groups)) {
    if (!Array.isArray(values)) return 'a group has no list of pushes';
  }
  return null;
}
