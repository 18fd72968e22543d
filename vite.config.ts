import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

import { PROXIED_PATHS } from './server/proxy.js';

// The dev server proxies the gateway paths the app uses (the server's one list), like the
// production server does.
const gateway = process.env.PUSHGATEWAY_URL ?? 'http://127.0.0.1:9091';
const proxied = PROXIED_PATHS.map((path) => (path.endsWith('/') ? path.slice(0, -1) : path));

export default defineConfig({
  // Relative asset URLs: the same build works at / and under any sub-path.
  base: './',
  plugins: [react(), tailwindcss()],
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: true }])),
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'core/**/*.test.{ts,js}', 'server/**/*.test.{ts,js}', 'scripts/**/*.test.js'],
  },
});
