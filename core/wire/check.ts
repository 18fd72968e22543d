/**
 * The push check's verdict (`POST -/pushboard/check/metrics/job/…`): would this gateway accept
 * this push, and if not, what would it answer. Written by server/check/verdict.ts, read by the
 * Check a push page (src/check/).
 */
import { isStringRecord } from '../validate';
import { Fields } from './read';

export interface Verdict {
  accepted: boolean;
  /** What the gateway would answer: 200 (checked push), 202 (consistency check off) or 400. */
  status: number;
  /** Each reason the gateway gives, in its words (one message when it refuses for several). */
  reasons: string[];
  /** The gateway's whole answer, as its body would read (without the final newline). */
  answer: string;
  /** The gateway words it differently where it meets groups in another order (Go map order). */
  varies: boolean;
  /** Pushboard's own remarks, not the gateway's words. */
  notes: string[];
  groupingKey: Record<string, string> | null;
  gateway: { version: string; utf8Names: boolean; consistencyCheck: boolean };
}

export function decodeVerdict(json: unknown): Verdict {
  const f: Fields = Fields.of('a push check verdict', json);
  const groupingKey = f.raw('groupingKey');
  if (groupingKey !== null && !isStringRecord(groupingKey)) f.fail('groupingKey', 'an object of strings or null');
  const gateway = f.fields('gateway');
  return {
    accepted: f.boolean('accepted'),
    status: f.number('status'),
    reasons: f.strings('reasons'),
    answer: f.string('answer'),
    varies: f.boolean('varies'),
    notes: f.strings('notes'),
    groupingKey,
    gateway: {
      version: gateway.string('version'),
      utf8Names: gateway.boolean('utf8Names'),
      consistencyCheck: gateway.boolean('consistencyCheck'),
    },
  };
}
