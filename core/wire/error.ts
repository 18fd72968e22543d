/**
 * A failure as it crosses a boundary (server thread → server, server → page, shared poll → tab):
 * written once here, encoded and decoded the same way on every side.
 */
import { GatewayError, type GatewayErrorKind } from '../gateway-read';

/** Every kind of GatewayError, as a decoder checks them. */
export const GATEWAY_ERROR_KINDS = ['network', 'http', 'json', 'shape'] as const satisfies readonly GatewayErrorKind[];

export interface WireError {
  kind: GatewayErrorKind | 'other';
  message: string;
  status?: number;
  retryAfter?: string;
}

/** Any thrown value as plain data; a GatewayError keeps its kind, status and Retry-After. */
export function encodeError(error: unknown): WireError {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof GatewayError)) return { kind: 'other', message };
  return {
    kind: error.kind,
    message,
    ...(error.status ? { status: error.status } : {}),
    ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
  };
}

/** The error again: a GatewayError, or a plain Error for anything else. */
export function decodeError(wire: WireError): Error {
  return wire.kind === 'other'
    ? new Error(wire.message)
    : new GatewayError(wire.kind, wire.message, wire.status, wire.retryAfter);
}
