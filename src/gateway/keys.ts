/** Every query key of the app, from one place. */
export const gatewayKeys = {
  all: ['gateway'] as const,
  metrics: () => [...gatewayKeys.all, 'metrics'] as const,
  /** With several gateways, each one's status and readiness apart. */
  status: (gateway?: string) => [...gatewayKeys.all, 'status', gateway ?? ''] as const,
  ready: (gateway?: string) => [...gatewayKeys.all, 'ready', gateway ?? ''] as const,
};
