/**
 * Request targets an attacker would try against the gate, built around the paths that change or
 * expose the gateway. Shared by the unit test that the gate and the proxy agree
 * (server/gate.test.js) and the raw-socket security suite (e2e/security.spec.ts).
 */
export const WIPE_VARIANTS = [
  '/api/v1/admin/wipe',
  '/api\\v1/admin/wipe',
  '/api%5cv1/admin/wipe',
  '/api%5Cv1/admin/wipe',
  '/api%2fv1/admin/wipe',
  '/api/v1%2Fadmin/wipe',
  '/x/..%2fapi/v1/admin/wipe',
  '/x/%2e%2e/api/v1/admin/wipe',
  '/x/%2E%2E/api/v1/admin/wipe',
  '/x/.%2e/api/v1/admin/wipe',
  '/x/../api/v1/admin/wipe',
  '/./api/v1/admin/wipe',
  '/api/v1/admin/./wipe',
  '/api/v1/admin/wipe;x',
  '/api;/v1/admin/wipe',
  '//api/v1/admin/wipe',
  '/api//v1/admin/wipe',
  '/API/V1/ADMIN/WIPE',
  '/Api/v1/admin/wipe',
  '/%61pi/v1/admin/wipe',
  '/api/v1/admin/wipe%00',
  '/api/v1/admin/wipe#x',
  '/api/v1/admin/wipe?x=..%2f..%2f',
  'http://127.0.0.1/api/v1/admin/wipe',
  'HTTP://localhost/api/v1/admin/wipe',
  '*',
];

/** Variants of one group's path (job "x"), for DELETE and pushes. */
export const GROUP_VARIANTS = [
  '/metrics/job/x',
  '/metrics\\job/x',
  '/metrics%5cjob/x',
  '/metrics/job%2fx',
  '/metrics/job/x/..',
  '/metrics/job/../job/x',
  '/metrics/job/%2e%2e/job/x',
  '/metrics//job/x',
  '/metrics/job/x;',
  '/Metrics/job/x',
  '/metrics/job@base64/eA',
  '/metrics/job@base64/eA==',
  '/metrics/%6aob/x',
  'http://127.0.0.1/metrics/job/x',
];

/** Paths of the gateway that must never be reached through Pushboard. */
export const FORBIDDEN_VARIANTS = [
  '/-/quit',
  '/-/reload',
  '/metrics',
  '/-/ready/../quit',
  '/-/ready/%2e%2e/quit',
  '/-/ready%2f..%2fquit',
  '/-%2fquit',
  '/api/v1/../../-/quit',
  '/api/v1/%2e%2e/%2e%2e/metrics',
  '/\\evil.example/%2e%2e/assets',
  '/%5cevil.example/',
];

export const ALL_VARIANTS = [...WIPE_VARIANTS, ...GROUP_VARIANTS, ...FORBIDDEN_VARIANTS];
