import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * The layers, each importing only from itself and the layers below it:
 * app → features (groups, status, rules; never each other) → shared UI (components, metrics,
 * polling, config, prune, health) → the page's data layer (src/data: the server's stream or the
 * shared poll, behind one entry) → gateway model (src/gateway, core/) → lib (generic helpers that
 * know no gateway).
 */
/** @type {Record<string, string[]>} */
const LAYERS = {
  app: ['src/app', 'src/main.tsx', 'src/boot.tsx'],
  groups: ['src/groups'],
  status: ['src/status'],
  rules: ['src/rules'],
  shared: ['src/components', 'src/metrics', 'src/polling', 'src/config', 'src/prune', 'src/health'],
  data: ['src/data'],
  model: ['src/gateway', 'core'],
  lib: ['src/lib'],
};
/** @type {Record<string, string[]>} */
const above = {
  app: [],
  groups: [...LAYERS.app, ...LAYERS.status, ...LAYERS.rules],
  status: [...LAYERS.app, ...LAYERS.groups, ...LAYERS.rules],
  rules: [...LAYERS.app, ...LAYERS.groups, ...LAYERS.status],
  shared: [...LAYERS.app, ...LAYERS.groups, ...LAYERS.status, ...LAYERS.rules],
  data: [...LAYERS.app, ...LAYERS.groups, ...LAYERS.status, ...LAYERS.rules, ...LAYERS.shared],
  model: [...LAYERS.app, ...LAYERS.groups, ...LAYERS.status, ...LAYERS.rules, ...LAYERS.shared, ...LAYERS.data],
  lib: [
    ...LAYERS.app,
    ...LAYERS.groups,
    ...LAYERS.status,
    ...LAYERS.rules,
    ...LAYERS.shared,
    ...LAYERS.data,
    ...LAYERS.model,
  ],
};
/** @type {Array<{ target: string, from: string, except?: string[], message: string }>} */
const zones = Object.entries(above).flatMap(([layer, from]) =>
  (LAYERS[layer] ?? []).flatMap((target) =>
    from.map((f) => ({
      target,
      from: f,
      message: `${layer} may not import from ${f} (see the layers in eslint.config.js)`,
    })),
  ),
);
// The data layer has one entry (src/data/index.ts); only the page's entry (src/main.tsx) may start
// the first poll from src/data/first-poll.ts, which loads no React.
zones.push(
  ...['src/!(data)/**', 'src/!(main).{ts,tsx}'].map((target) => ({
    target,
    from: 'src/data',
    except: ['./index.ts'],
    message: 'the data layer is imported through src/data/index.ts only',
  })),
  {
    target: 'src/main.tsx',
    from: 'src/data',
    except: ['./index.ts', './first-poll.ts'],
    message: 'the entry imports the data layer through src/data/index.ts, or src/data/first-poll.ts',
  },
);
// The server and the scripts share code with the app only through core/.
zones.push(
  ...['server', 'scripts'].map((target) => ({
    target,
    from: 'src',
    message: 'the server and scripts share code with the app through core/, never from src/',
  })),
);

/** Never inject HTML: for every file of the page. */
const NO_HTML = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Never inject HTML: pushed text is hostile.',
  },
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: 'Never inject HTML: pushed text is hostile.',
  },
];
/**
 * No module-level state in the page's gateway client, data layer and app shell: the client, the
 * data source and the start-up requests are made at start-up by the entry and handed down (issue
 * #27), so that two of them (tests, several gateways) never share state by accident. A top-level
 * `let`/`var`, or a top-level Map or Set, is state of the module's.
 */
const MODULE_STATE_MESSAGE =
  'No module-level state in src/gateway, src/data and src/app: keep it in the object that owns it (the client made by createGatewayClient, the data source made by createDataSource, the start-up the entry requests and hands to boot).';
const NO_MODULE_STATE = [
  ...['Program', 'Program > ExportNamedDeclaration'].flatMap((parent) => [
    { selector: `${parent} > VariableDeclaration[kind=/^(let|var)$/]`, message: MODULE_STATE_MESSAGE },
    {
      selector: `${parent} > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet)$/]`,
      message: MODULE_STATE_MESSAGE,
    },
  ]),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.data', '.cache'] },
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'core/**/*.{ts,js}', 'server/**/*.{js,ts}', 'scripts/**/*.js'],
    ignores: ['**/*.test.{ts,tsx,js}', 'src/testing/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.js', '.ts'] } }),
      ],
      // Without these, import-x reads only .js files for what they import: no-cycle then saw no
      // TypeScript module's imports, and let every cycle through .ts files pass.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    // The server is built by plain composition (server/app.ts): typed all through, no \`any\`.
    files: ['server/**/*.{ts,js}'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', ...NO_HTML],
    },
  },
  {
    files: [
      'src/gateway/**/*.{ts,tsx}',
      'src/data/**/*.{ts,tsx}',
      'src/app/**/*.{ts,tsx}',
      'src/main.tsx',
      'src/boot.tsx',
    ],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HTML, ...NO_MODULE_STATE] },
  },
);
