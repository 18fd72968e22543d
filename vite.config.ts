import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { PROXIED_PATHS } from './server/proxy.ts';

/**
 * The entry loads the app proper (src/boot.tsx) with a dynamic import once it has started the
 * first poll; Vite preloads only static imports. Without a hint the browser asks for the boot
 * chunk only after the entry has run: on a busy machine a new tab then waited 350 ms more for the
 * largest file. This names the boot chunk and its imports in the page, so they load beside the
 * entry (they still run after it).
 */
function preloadBoot(): Plugin {
  return {
    name: 'pushboard-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!boot) throw new Error('preload-boot: no chunk for src/boot.tsx');
        const files = [boot.fileName, ...boot.imports].filter((file) => !html.includes(`/${file}"`));
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * A gzip copy beside each script and style sheet (`boot-….js.gz`), made once at build time. The
 * Pushboard server sends it to browsers that accept gzip (express-static-gzip) instead of
 * compressing 480 kB again for every new tab: 140–190 ms of the server's CPU per page load on this
 * machine, while the tab waited. nginx can send the same files (`gzip_static on`).
 */
function gzipAssets(): Plugin {
  return {
    name: 'pushboard-gzip-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const full = path.join(options.dir!, file);
        writeFileSync(`${full}.gz`, gzipSync(readFileSync(full), { level: 9 }));
      }
    },
  };
}

/**
 * protobufjs asks for long.js (`require("long")` in a try) to hand out 64-bit integers as Longs.
 * The page only writes protobuf, from JavaScript numbers, which its Writer handles without Long:
 * the build gets an empty module instead (3 kB less JavaScript). Tests, which also decode, keep it.
 */
const noLong = { long: fileURLToPath(new URL('./src/gateway/no-long.js', import.meta.url)) };

// The dev server proxies the gateway paths the app uses (the server's one list), like the
// production server does.
const gateway = process.env.PUSHGATEWAY_URL ?? 'http://127.0.0.1:9091';
const proxied = PROXIED_PATHS.map((path) => (path.endsWith('/') ? path.slice(0, -1) : path));

export default defineConfig(({ command }) => ({
  // Relative asset URLs: the same build works at / and under any sub-path.
  base: './',
  resolve: { alias: command === 'build' ? noLong : {} },
  plugins: [react(), tailwindcss(), preloadBoot(), gzipAssets()],
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: true }])),
  },
  test: {
    environment: 'node',
    // Test files share their worker's module cache instead of each starting fresh: the same 1,263
    // tests, in about a third of the time (the per-file start, not the tests, was two thirds of
    // it). Lint keeps module-level state out of src/app, src/data and src/gateway, and every file
    // passes alone and together; a test that leaks state into another should be fixed, not isolated.
    pool: 'threads',
    isolate: false,
    setupFiles: ['src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'core/**/*.test.{ts,js}', 'server/**/*.test.{ts,js}', 'scripts/**/*.test.js'],
  },
}));
