#!/usr/bin/env node
// @ts-check
// The server from its source, for development: `node --import tsx server/cli.ts`. tsx's loader
// compiles the TypeScript (the server's and the gateway model it shares with the app) as it is
// imported. What users run, `pushboard` and `npm start`, is the compiled dist/server/cli.js
// (`npm run build`; scripts/build-server.js), which needs no tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
