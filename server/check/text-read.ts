/**
 * The byte and token reading of the gateway's text parser (prometheus/common expfmt/text_parse.go):
 * the current byte, the line count, the token being read (names, quoted UTF-8 names with the v0.61
 * parser, label values, HELP text with its escapes), and the parse error in the gateway's words.
 * The states that use them are in text-labels.ts and text-parse.ts.
 */
import { goQuote } from './go-format';

export type Err = { eof: true } | { eof: false; message: string } | null;
export type State = (() => State) | null;

export const isBlankOrTab = (b: number) => b === 0x20 || b === 0x09;
export const NL = 0x0a;
export const ch = (c: string) => c.charCodeAt(0);
const lossy = new TextDecoder();

/** strconv.ParseFloat(s, 64) after common's refusal of p, P and _; undefined where Go errs. */
export function goParseFloat(s: string): number | undefined {
  if (/[pP_]/.test(s)) return undefined;
  const inf = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

export function goParseInt64(s: string): boolean {
  if (!/^[+-]?\d+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

export class TextReader {
  protected pos = 0;
  protected err: Err = null;
  protected lineCount = 0;
  protected currentByte = 0;
  protected token: number[] = [];
  protected labelPairs: Array<[string, string]> = [];

  constructor(
    protected readonly buf: Uint8Array,
    protected readonly utf8Names: boolean,
  ) {}

  protected readByte(): void {
    if (this.pos >= this.buf.length) {
      this.currentByte = 0;
      this.err = { eof: true };
    } else {
      this.currentByte = this.buf[this.pos++]!;
      this.err = null;
    }
  }

  /** The current byte, read anew (a method call, so that TypeScript does not narrow it). */
  protected byte(): number {
    return this.currentByte;
  }

  protected tokenBytes(): Uint8Array {
    return Uint8Array.from(this.token);
  }

  protected tokenString(): string {
    return lossy.decode(this.tokenBytes());
  }

  protected parseError(msg: string): void {
    this.err = { eof: false, message: `text format parsing error in line ${this.lineCount}: ${msg}` };
  }

  protected skipBlankTab(): void {
    for (;;) {
      this.readByte();
      if (this.err || !isBlankOrTab(this.currentByte)) return;
    }
  }

  protected skipBlankTabIfCurrentBlankTab(): void {
    if (isBlankOrTab(this.currentByte)) this.skipBlankTab();
  }

  protected readTokenUntilWhitespace(): void {
    this.token = [];
    while (!this.err && !isBlankOrTab(this.currentByte) && this.currentByte !== NL) {
      this.token.push(this.currentByte);
      this.readByte();
    }
  }

  protected readTokenUntilNewline(escapes: boolean): void {
    this.token = [];
    let escaped = false;
    while (!this.err) {
      if (escapes && escaped) {
        const b = this.currentByte;
        if (b === ch('\\')) this.token.push(b);
        else if (b === ch('n')) this.token.push(NL);
        else if (b === ch('"') && this.utf8Names) this.token.push(b);
        else {
          this.parseError(`invalid escape sequence '\\${String.fromCharCode(b)}'`);
          return;
        }
        escaped = false;
      } else if (this.currentByte === NL) return;
      else if (this.currentByte === ch('\\')) escaped = true;
      else this.token.push(this.currentByte);
      this.readByte();
    }
  }

  protected readTokenAsMetricName(): void {
    this.readName(true);
  }

  protected readTokenAsLabelName(): void {
    this.readName(false);
  }

  /** A metric name (with ':') or a label name; quoted UTF-8 with the v0.61 parser. */
  protected readName(metric: boolean): void {
    this.token = [];
    const start = (b: number) =>
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x41 && b <= 0x5a) ||
      b === 0x5f ||
      (this.utf8Names && b === 0x22) ||
      (metric && b === 0x3a);
    const more = (b: number, quoted: boolean) => start(b) || (b >= 0x30 && b <= 0x39) || (quoted && b <= 0xff);
    if (!start(this.currentByte)) return;
    if (!this.utf8Names) {
      for (;;) {
        this.token.push(this.currentByte);
        this.readByte();
        if (this.err || !more(this.currentByte, false)) return;
      }
    }
    let quoted = false;
    let escaped = false;
    const what = metric ? 'metric name' : 'label name';
    while (!this.err) {
      const b = this.currentByte;
      if (escaped) {
        if (b === ch('\\') || b === ch('"')) this.token.push(b);
        else if (b === ch('n')) this.token.push(NL);
        else {
          this.parseError(`invalid escape sequence '\\${String.fromCharCode(b)}'`);
          return;
        }
        escaped = false;
      } else if (b === ch('"')) {
        quoted = !quoted;
        if (!quoted) {
          this.readByte();
          return;
        }
      } else if (b === NL) {
        this.parseError(`${what} ${goQuote(this.tokenBytes())} contains unescaped new-line`);
        return;
      } else if (b === ch('\\')) escaped = true;
      else this.token.push(b);
      this.readByte();
      const stop = metric ? 0x20 : ch('=');
      if (!more(this.currentByte, quoted) || (!quoted && this.currentByte === stop)) return;
    }
  }

  protected readTokenAsLabelValue(): void {
    this.token = [];
    let escaped = false;
    for (;;) {
      this.readByte();
      if (this.err) return;
      const b = this.currentByte;
      if (escaped) {
        if (b === ch('"') || b === ch('\\')) this.token.push(b);
        else if (b === ch('n')) this.token.push(NL);
        else {
          this.parseError(`invalid escape sequence '\\${String.fromCharCode(b)}'`);
          this.labelPairs = [];
          return;
        }
        escaped = false;
        continue;
      }
      if (b === ch('"')) return;
      if (b === NL) {
        this.parseError(`label value ${goQuote(this.tokenBytes())} contains unescaped new-line`);
        return;
      }
      if (b === ch('\\')) escaped = true;
      else this.token.push(b);
    }
  }
}
