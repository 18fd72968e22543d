/**
 * Which specs run on which gateway project (playwright.config.ts).
 *
 * Most specs test Pushboard itself (its page, server, command line), which behaves the same
 * whatever gateway is behind it: each runs once, on one of the two projects, chosen by a stable
 * hash of its file name, so both gateway builds still carry about half of them. What the gateway
 * build decides runs on both: the specs below, and any test with `@both-gateways` in its title
 * (for a spec that mixes). A new spec runs once unless it says otherwise.
 *
 * `PUSHBOARD_E2E_EVERY_GATEWAY=1` runs everything on both projects, as the suite did before.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The tag that runs one test on both gateway projects, whichever project its spec belongs to. */
export const BOTH_GATEWAYS_TAG = '@both-gateways';

/**
 * Specs where the gateway's build decides the outcome: exact pushes, deletes and restores,
 * protobuf and histograms, its status and flags, its own answers and quirks.
 */
export const VERSION_SENSITIVE = [
  'delete.spec.ts',
  'embed.spec.ts',
  'histograms.spec.ts',
  'metrics.spec.ts',
  'real-clients.spec.ts',
  'status.spec.ts',
  'undo-histograms.spec.ts',
  'wipe.spec.ts',
];

/** Specs of features only gateways 1.11+ have. */
export const NEWER_ONLY = ['utf8-names.spec.ts'];

export const PROJECTS = ['gateway-1.5.1', 'gateway-1.11.0'] as const;

/** FNV-1a, 32 bits: the same file name lands on the same project on every machine and run. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of Buffer.from(text, 'utf8')) {
    hash ^= char;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The project a run-once spec belongs to (an index into PROJECTS); NEWER_ONLY specs run on 1.11.0. */
export function ownerOf(spec: string): 0 | 1 {
  return (fnv1a(spec) % 2) as 0 | 1;
}

/** The spec files in `dir` (relative names, as Playwright titles them). */
export function specFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.spec.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A project's `grep`: its own specs whole, and the tagged tests of all others. Playwright matches
 * it against "<file> <describe titles> <title> <tags>", whose file part is the spec's path.
 */
export function projectGrep(project: 0 | 1, specs: string[]): RegExp[] {
  const mine = specs.filter((spec) =>
    NEWER_ONLY.includes(spec)
      ? PROJECTS[project] === 'gateway-1.11.0'
      : VERSION_SENSITIVE.includes(spec) || ownerOf(spec) === project,
  );
  const files = mine.length ? [new RegExp(`(^|\\s)(${mine.map(escape).join('|')})\\s`)] : [];
  return [...files, new RegExp(escape(BOTH_GATEWAYS_TAG))];
}
