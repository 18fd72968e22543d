/** Every query key of the app, from one place. */
export const gatewayKeys = {
  all: ['gateway'] as const,
  metrics: () => [...gatewayKeys.all, 'metrics'] as const,
  status: () => [...gatewayKeys.all, 'status'] as const,
  ready: () => [...gatewayKeys.all, 'ready'] as const,
};
