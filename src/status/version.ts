/**
 * What Pushboard adapts to for the gateway's version and flags, and the known traps of that
 * version, in plain words for the status page. Versions as the gateway reports them ("1.11.0",
 * Debian's "1.5.1+ds"); an unreadable version is treated as current.
 */
import type { GatewayStatus } from '../gateway/status';

export type Version = readonly [number, number, number];

export function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

/** `version` is at least `min` (unknown versions count as new). */
export function atLeast(version: Version | undefined, ...min: Version): boolean {
  if (!version) return true;
  for (let i = 0; i < 3; i++) if (version[i] !== min[i]) return version[i]! > min[i]!;
  return true;
}

export interface VersionNotes {
  /** [what, how Pushboard handles it on this gateway] */
  adapts: Array<[string, string]>;
  traps: string[];
}

export function versionNotes(status: GatewayStatus): VersionNotes {
  const v = parseVersion(status.build.version);
  const utf8 = status.flags['push.enable-utf8-names'];
  const adapts: Array<[string, string]> = [
    [
      'UTF-8 names',
      utf8 === 'true'
        ? 'On (--push.enable-utf8-names): grouping labels such as foo.bar are addressed as U__foo_2e_bar in paths and shown quoted, "foo.bar"="baz".'
        : utf8 === 'false'
          ? 'Off: grouping label names are limited to letters, digits and _ (start the gateway with --push.enable-utf8-names to allow others).'
          : 'Not available: gateways before 1.11 take only label names of letters, digits and _.',
    ],
    [
      'Native histograms',
      !atLeast(v, 1, 8, 0)
        ? 'Not readable: this version returns a native histogram with its count and sum only, so its buckets are not shown and Undo cannot push it back.'
        : atLeast(v, 1, 10, 0)
          ? 'Shown with their buckets, float counts included, and pushed back as protobuf by Undo. A histogram with both classic and native buckets is returned with its native buckets only.'
          : 'Shown with their buckets and pushed back as protobuf by Undo.',
    ],
  ];
  const traps: string[] = [];
  if (!atLeast(v, 1, 6, 1)) {
    traps.push(
      'A push or delete with invalid base64 in a job@base64 path leaves that path hanging for every later request until the gateway restarts (fixed in 1.6.1). Pushboard only sends base64 it encoded itself; scripts and other tools can still trip over it.',
    );
  }
  if (!atLeast(v, 1, 10, 0)) {
    traps.push('Float histograms pushed over protobuf are kept with counts of 0 (float counts arrived in 1.10).');
  }
  if (v && v[0] === 1 && v[1] === 11 && v[2] === 0) {
    traps.push(
      'A push refused as inconsistent with existing metrics gets no answer at all (the connection closes) instead of 400 with the reason; the group is still marked as failed. Seen on Debian’s 1.11.0 build.',
    );
  }
  return { adapts, traps };
}
