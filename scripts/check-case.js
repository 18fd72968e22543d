// @ts-check
/**
 * Fails when two paths in the repository differ only by letter case (`notices.ts` beside
 * `Notices.tsx` once made imports resolve to the wrong file on macOS and Windows, whose file
 * systems ignore case). Part of `npm run lint`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['.git', 'node_modules', 'dist', 'test-results', 'playwright-report', '.data']);

/**
 * Every file, from git when this is a clone, else by walking the tree.
 * @param {string} root
 * @returns {string[]}
 */
function listFiles(root) {
  try {
    return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean);
  } catch {
    /** @type {string[]} */
    const out = [];
    /** @param {string} dir */
    const walk = (dir) => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        if (SKIP.has(entry.name)) continue;
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(rel);
        else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

/**
 * Pairs of paths (files or the folders above them) that differ only by case, without extension
 * too: `notices.ts` and `Notices.tsx` clash once an import leaves the extension out.
 * @param {readonly string[]} files
 * @returns {Array<[string, string]>}
 */
export function caseClashes(files) {
  /** @type {Map<string, string>} */
  const seen = new Map();
  /** @type {Array<[string, string]>} */
  const clashes = [];
  /** @param {string} p */
  const note = (p) => {
    const folded = p.toLowerCase();
    const before = seen.get(folded);
    if (before === undefined) seen.set(folded, p);
    else if (before !== p) clashes.push([before, p]);
  };
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) note(`${parts.slice(0, i).join('/')}/`);
    note(file);
    const bare = file.replace(/\.(d\.ts|tsx?|jsx?|mjs|cjs)$/, '');
    if (bare !== file) note(`${bare} (without extension)`);
  }
  return clashes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clashes = caseClashes(listFiles(process.cwd()));
  for (const [a, b] of clashes) console.error(`Paths differ only by case: ${a} and ${b}`);
  if (clashes.length) process.exit(1);
}
