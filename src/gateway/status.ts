import { ResponseShapeError } from '../../core/metrics';
import { describe, isRecord, isStringRecord } from '../../core/validate';

export interface BuildInfo {
  version: string;
  revision: string;
  branch: string;
  buildUser: string;
  buildDate: string;
  goVersion: string;
}

export interface GatewayStatus {
  build: BuildInfo;
  /** Every command-line flag of the gateway, values as strings. */
  flags: Readonly<Record<string, string>>;
  /** RFC 3339; empty if the gateway did not say. */
  startTime: string;
  adminApiEnabled: boolean;
  /** The persistence file, or undefined when persistence is off. */
  persistenceFile: string | undefined;
}

const BUILD_FIELDS = ['version', 'revision', 'branch', 'buildUser', 'buildDate', 'goVersion'] as const;

/** Validates `/api/v1/status`. */
export function parseStatusResponse(json: unknown): GatewayStatus {
  if (!isRecord(json) || json.status !== 'success' || !isRecord(json.data)) {
    throw new ResponseShapeError(`expected {"status":"success","data":{…}}, got ${describe(json)} of another shape`);
  }
  const { build_information: rawBuild, flags, start_time: startTime } = json.data;
  if (!isStringRecord(flags)) throw new ResponseShapeError('"flags" is not an object of text values');
  const buildRecord = isRecord(rawBuild) ? rawBuild : {};
  const build = Object.fromEntries(
    BUILD_FIELDS.map((field) => [field, typeof buildRecord[field] === 'string' ? buildRecord[field] : '']),
  ) as unknown as BuildInfo;
  return {
    build,
    flags,
    startTime: typeof startTime === 'string' ? startTime : '',
    adminApiEnabled: flags['web.enable-admin-api'] === 'true',
    persistenceFile: flags['persistence.file'] || undefined,
  };
}
