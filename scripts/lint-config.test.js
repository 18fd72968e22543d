// @ts-check
/**
 * The lint rules that keep the code's shape (eslint.config.js) really see the code: a rule that
 * silently reads nothing passes every file. import-x/no-cycle once saw no TypeScript module's
 * imports, and let any cycle through .ts files pass.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dirs = /** @type {string[]} */ ([]);
let probes = 0;
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes `files` into a fresh folder under `under` (in the repository, where the rules apply); lints them. */
async function lint(/** @type {string} */ under, /** @type {Record<string, string>} */ files) {
  // A new name each time (the resolver caches what it found), without a dot (globs skip those).
  const dir = path.join(root, under, `lint-probe-${process.pid}-${probes++}`);
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles(Object.keys(files).map((name) => path.join(dir, name)));
  return results.flatMap((r) => r.messages.map((m) => m.ruleId));
}

describe('import-x/no-cycle', () => {
  it.each([
    ['src/lib', 'a.ts', './b', 'b.ts', './a'],
    ['core', 'a.ts', './b', 'b.ts', './a'],
    ['server', 'a.js', './b.js', 'b.js', './a.js'],
    // A .ts module imported as '.js', as TypeScript under Node writes it.
    ['server', 'a.ts', './b.js', 'b.ts', './a.js'],
    ['server', 'a.ts', './b.ts', 'b.ts', './a.ts'],
  ])('reports a cycle in %s between %s and %s', async (under, a, fromA, b, fromB) => {
    const rules = await lint(under, {
      [a]: `import { b } from '${fromA}';\nexport const a = () => b;\n`,
      [b]: `import { a } from '${fromB}';\nexport const b = () => a;\n`,
    });
    expect(rules).toContain('import-x/no-cycle');
  });
});

describe('the data layer', () => {
  it('is imported through src/data/index.ts only', async () => {
    const rules = await lint('src/groups', {
      'a.ts': "import { createDataSource } from '../../data/first-poll';\nexport const a = createDataSource;\n",
    });
    expect(rules).toContain('import-x/no-restricted-paths');
  });
});

describe('the server', () => {
  it('has no `any`', async () => {
    const rules = await lint('server', { 'a.ts': 'export const a = (x: any) => x;\n' });
    expect(rules).toContain('@typescript-eslint/no-explicit-any');
  });
});

describe("the page's gateway client and data layer", () => {
  it.each([
    [
      'src/gateway',
      'let base: string | undefined;\nexport const set = (b: string) => (base = b);\nexport const get = () => base;\n',
    ],
    ['src/data', 'export let poller: object | undefined;\n'],
    ['src/data', 'const bases = new Map<string, string>();\nexport const get = (n: string) => bases.get(n);\n'],
  ])('holds no module-level state (%s)', async (under, text) => {
    const rules = await lint(under, { 'a.ts': text });
    expect(rules).toContain('no-restricted-syntax');
  });

  it('may hold state inside the objects it makes', async () => {
    const rules = await lint('src/data', {
      'a.ts':
        'export function make() {\n  let n = 0;\n  const seen = new Set<string>();\n  return () => seen.size + n++;\n}\n',
    });
    expect(rules).not.toContain('no-restricted-syntax');
  });
});
