#!/usr/bin/env node
// @ts-check
// The server shares the gateway model with the app, which is TypeScript: tsx's loader compiles it
// as it is imported (no build step for the server, and the same source as the tests run).
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
