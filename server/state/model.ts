/**
 * What the stream, the pruner and the Rules page need of the server's model of the gateways:
 * GatewayState for one gateway, MultiGatewayState for several (or one, passed through).
 */
import type { EventEmitter } from 'node:events';
import type { Group } from '../../core/metrics-types';
import type { PollStatus } from '../../core/wire/stream';
import type { Snapshot, StateEvents } from './gateway-state';

export interface GatewayModel extends EventEmitter<StateEvents> {
  /** Bumped once per change of the groups; each `diff` event carries the new one. */
  readonly version: number;
  readonly status: PollStatus;
  /** Size of the last successful answer(s), which bounds how far behind a viewer may fall. */
  readonly lastAnswerBytes: number;
  readonly viewerCount: number;
  readonly groupCount: number;
  readonly active: boolean;
  acquire(): () => void;
  hold(): () => void;
  group(key: string): Group | undefined;
  snapshot(): Snapshot;
  pollNow(): Promise<void>;
  refresh(): Promise<void>;
  stop(): void;
}
