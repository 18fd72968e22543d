/**
 * Small readers for the decoders of core/wire/: each takes unknown JSON and either returns the
 * typed value or throws a WireShapeError that names the message and the field at fault.
 */
import { describe, isRecord, type JsonRecord } from '../validate';

/** A message from the server that this page cannot read. */
export class WireShapeError extends Error {
  constructor(
    readonly what: string,
    readonly field: string,
    readonly found: string,
  ) {
    super(`The Pushboard server sent ${what} this page cannot read: ${field} is ${found}.`);
    this.name = 'WireShapeError';
  }
}

/** Reads the fields of one message: `what` is how the error names it ("a snapshot event"). */
export class Fields {
  constructor(
    readonly what: string,
    private readonly record: JsonRecord,
    private readonly prefix = '',
  ) {}

  static of(what: string, json: unknown, prefix = ''): Fields {
    if (!isRecord(json)) throw new WireShapeError(what, prefix || 'the message', describe(json));
    return new Fields(what, json, prefix);
  }

  raw(name: string): unknown {
    return this.record[name];
  }

  has(name: string): boolean {
    return this.record[name] !== undefined;
  }

  fail(name: string, expected?: string): never {
    const found = describe(this.record[name]);
    throw new WireShapeError(this.what, this.path(name), expected ? `${found}, not ${expected}` : found);
  }

  path(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  fields(name: string): Fields {
    return Fields.of(this.what, this.record[name], this.path(name));
  }

  string(name: string): string {
    const value = this.record[name];
    return typeof value === 'string' ? value : this.fail(name, 'a string');
  }

  number(name: string): number {
    const value = this.record[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : this.fail(name, 'a number');
  }

  boolean(name: string): boolean {
    const value = this.record[name];
    return typeof value === 'boolean' ? value : this.fail(name, 'true or false');
  }

  numberOrNull(name: string): number | null {
    return this.record[name] === null ? null : this.number(name);
  }

  stringOrNull(name: string): string | null {
    return this.record[name] === null ? null : this.string(name);
  }

  optionalNumber(name: string): number | undefined {
    return this.record[name] === undefined ? undefined : this.number(name);
  }

  optionalString(name: string): string | undefined {
    return this.record[name] === undefined ? undefined : this.string(name);
  }

  array(name: string): unknown[] {
    const value = this.record[name];
    return Array.isArray(value) ? value : this.fail(name, 'an array');
  }

  strings(name: string): string[] {
    const list = this.array(name);
    for (const item of list) if (typeof item !== 'string') this.fail(name, 'an array of strings');
    return list as string[];
  }

  /** A `{key: number}` object. */
  numbers(name: string): Record<string, number> {
    const value = this.record[name];
    if (!isRecord(value)) return this.fail(name, 'an object');
    for (const key in value) {
      const n = value[key];
      if (typeof n !== 'number' || !Number.isFinite(n)) this.fail(name, 'an object of numbers');
    }
    return value as Record<string, number>;
  }
}
