/** A group as one delimited protobuf body: loaded by the page only when Undo pushes protobuf. */
import type { Group } from '../../core/metrics-types';
import { encodeDelimited } from './protobuf';
import { groupMessages } from './protobuf-group';

export const groupToProtobuf = (group: Group): Uint8Array<ArrayBuffer> => encodeDelimited(groupMessages(group));
