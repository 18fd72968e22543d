/**
 * The gateway's reading of a text-format push body: a line-by-line port of the TextParser of
 * prometheus/common (expfmt/text_parse.go) as the gateway builds it, so that a body it refuses is
 * refused here with its own words ("text format parsing error in line 3: ..."). Two generations:
 * - `legacy`: common v0.37 (gateway 1.5.1): names are [a-zA-Z_:][a-zA-Z0-9_:]*, nothing quoted,
 *   HELP knows only the escapes \\ and \n;
 * - `utf8`: common v0.61 (gateway 1.11.0): names may be quoted ("foo.bar"), also as
 *   `{"foo.bar", a="b"}`, and HELP knows \" too.
 * The parser works on bytes and keeps common's quirks (an error in a sample's value can be lost
 * when more lines follow; a summary's lines are merged by their labels).
 */
import { goQuote, goQuoteByte } from './go-format';
import { type CheckFamily, type CheckMetric, type FamilyType, TYPE_NUMBERS } from './families';

export type ParserGeneration = 'legacy' | 'utf8';

type Err = { eof: true } | { eof: false; message: string } | null;
type State = (() => State) | null;

interface PFamily {
  name: string;
  help: string | undefined;
  type: FamilyType | undefined;
  metrics: CheckMetric[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder();
const isBlankOrTab = (b: number) => b === 0x20 || b === 0x09;
const NL = 0x0a;
const ch = (c: string) => c.charCodeAt(0);

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

function goParseInt64(s: string): boolean {
  if (!/^[+-]?\d+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

const signature = (labels: Map<string, string>) => JSON.stringify([...labels].sort(([a], [b]) => (a < b ? -1 : 1)));

class TextParser {
  private pos = 0;
  private err: Err = null;
  private lineCount = 0;
  private currentByte = 0;
  private token: number[] = [];
  readonly families = new Map<string, PFamily>();
  private mf: PFamily | null = null;
  private metric: CheckMetric | null = null;
  private labelPair: [string, string] | null = null;
  private labelPairs: Array<[string, string]> = [];
  private currentLabels = new Map<string, string>();
  private summaries = new Map<string, CheckMetric>();
  private histograms = new Map<string, CheckMetric>();
  private quantile = NaN;
  private bucket = NaN;
  private isSummaryCount = false;
  private isSummarySum = false;
  private isHistogramCount = false;
  private isHistogramSum = false;
  private insideBraces = false;
  private insideBracesPresent = false;

  constructor(
    private readonly buf: Uint8Array,
    private readonly utf8Names: boolean,
  ) {}

  run(): { families: CheckFamily[]; error?: string } {
    for (let state: State = this.startOfLine; state !== null;) state = state.call(this);
    if (this.err?.eof) this.parseError('unexpected end of input stream');
    const families = [...this.families.values()]
      .filter((f) => f.metrics.length > 0)
      .map((f) => ({ name: f.name, help: f.help ?? '', type: f.type ?? 'UNTYPED', metrics: f.metrics }));
    const err = this.err;
    return err && !err.eof ? { families, error: err.message } : { families };
  }

  private readByte(): void {
    if (this.pos >= this.buf.length) {
      this.currentByte = 0;
      this.err = { eof: true };
    } else {
      this.currentByte = this.buf[this.pos++]!;
      this.err = null;
    }
  }

  /** The current byte, read anew (a method call, so that TypeScript does not narrow it). */
  private byte(): number {
    return this.currentByte;
  }

  private tokenBytes(): Uint8Array {
    return Uint8Array.from(this.token);
  }

  private tokenString(): string {
    return lossy.decode(this.tokenBytes());
  }

  private parseError(msg: string): void {
    this.err = { eof: false, message: `text format parsing error in line ${this.lineCount}: ${msg}` };
  }

  private mfName(): string {
    return this.mf?.name ?? '';
  }

  private mfType(): FamilyType | 'COUNTER' {
    // A nil family's GetType() is the enum's zero, COUNTER.
    return this.mf?.type ?? 'COUNTER';
  }

  private startOfLine(): State {
    this.lineCount++;
    this.insideBraces = false;
    this.insideBracesPresent = false;
    this.skipBlankTab();
    if (this.err) {
      if (this.err.eof || !this.utf8Names) this.err = null;
      return null;
    }
    if (this.currentByte === ch('#')) return this.startComment;
    if (this.currentByte === NL) return this.startOfLine;
    if (this.utf8Names && this.currentByte === ch('{')) {
      this.insideBraces = true;
      return this.readingLabels;
    }
    return this.readingMetricName;
  }

  private startComment(): State {
    this.skipBlankTab();
    if (this.err) return null;
    if (this.currentByte === NL) return this.startOfLine;
    this.readTokenUntilWhitespace();
    if (this.err) return null;
    if (this.currentByte === NL) return this.startOfLine;
    const keyword = this.tokenString();
    if (keyword !== 'HELP' && keyword !== 'TYPE') {
      while (this.currentByte !== NL) {
        this.readByte();
        if (this.err) return null;
      }
      return this.startOfLine;
    }
    this.skipBlankTab();
    if (this.err) return null;
    this.readTokenAsMetricName();
    if (this.err) return null;
    if (this.currentByte === NL) return this.startOfLine;
    if (!isBlankOrTab(this.currentByte)) {
      this.parseError('invalid metric name in comment');
      return null;
    }
    this.setOrCreateCurrentMF();
    this.skipBlankTab();
    if (this.err) return null;
    if (this.byte() === NL) return this.startOfLine;
    return keyword === 'HELP' ? this.readingHelp : this.readingType;
  }

  private readingMetricName(): State {
    this.readTokenAsMetricName();
    if (this.err) return null;
    if (this.token.length === 0) {
      this.parseError('invalid metric name');
      return null;
    }
    this.setOrCreateCurrentMF();
    this.mf!.type ??= 'UNTYPED';
    this.metric = { labels: [], kind: null };
    this.skipBlankTabIfCurrentBlankTab();
    if (this.err) return null;
    return this.readingLabels;
  }

  private readingLabels(): State {
    if (this.mfType() === 'SUMMARY' || this.mfType() === 'HISTOGRAM') {
      this.currentLabels = new Map([['__name__', this.mfName()]]);
      this.quantile = NaN;
      this.bucket = NaN;
    }
    if (this.currentByte !== ch('{')) return this.readingValue;
    return this.startLabelName;
  }

  private startLabelName(): State {
    this.skipBlankTab();
    if (this.err) return null;
    if (this.currentByte === ch('}')) {
      if (this.utf8Names) {
        this.metric!.labels.push(...this.labelPairs);
        this.labelPairs = [];
      }
      this.skipBlankTab();
      if (this.err) return null;
      return this.readingValue;
    }
    this.readTokenAsLabelName();
    if (this.err) return null;
    if (this.token.length === 0) {
      this.parseError(`invalid label name for metric ${goQuote(this.mfName())}`);
      return null;
    }
    if (!this.utf8Names) return this.legacyLabelName();
    this.skipBlankTabIfCurrentBlankTab();
    if (this.err) return null;
    if (this.currentByte !== ch('=')) {
      if (this.insideBraces) {
        if (this.insideBracesPresent) {
          this.parseError(`multiple metric names for metric ${goQuote(this.mfName())}`);
          return null;
        }
        if (this.currentByte === ch(',') || this.currentByte === ch('}')) {
          this.setOrCreateCurrentMF();
          this.mf!.type ??= 'UNTYPED';
          this.metric = { labels: [], kind: null };
          if (this.currentByte === ch(',')) {
            this.insideBracesPresent = true;
            return this.startLabelName;
          }
          this.metric.labels.push(...this.labelPairs);
          this.labelPairs = [];
          this.skipBlankTab();
          if (this.err) return null;
          return this.readingValue;
        }
        this.parseError(`unexpected end of metric name ${goQuoteByte(this.currentByte)}`);
        return null;
      }
      this.parseError(`expected '=' after label name, found ${goQuoteByte(this.currentByte)}`);
      this.labelPairs = [];
      return null;
    }
    this.labelPair = [this.tokenString(), ''];
    if (this.labelPair[0] === '__name__') {
      this.parseError('label name "__name__" is reserved');
      return null;
    }
    if (!this.isSpecialLabel(this.labelPair[0])) this.labelPairs.push(this.labelPair);
    if (this.hasDuplicate(this.labelPairs)) {
      this.parseError(`duplicate label names for metric ${goQuote(this.mfName())}`);
      this.labelPairs = [];
      return null;
    }
    return this.startLabelValue;
  }

  /** common v0.37: the pair goes onto the metric at once, and '=' is looked for after that. */
  private legacyLabelName(): State {
    this.labelPair = [this.tokenString(), ''];
    if (this.labelPair[0] === '__name__') {
      this.parseError('label name "__name__" is reserved');
      return null;
    }
    if (!this.isSpecialLabel(this.labelPair[0])) this.metric!.labels.push(this.labelPair);
    this.skipBlankTabIfCurrentBlankTab();
    if (this.err) return null;
    if (this.currentByte !== ch('=')) {
      this.parseError(`expected '=' after label name, found ${goQuoteByte(this.currentByte)}`);
      return null;
    }
    if (this.hasDuplicate(this.metric!.labels)) {
      this.parseError(`duplicate label names for metric ${goQuote(this.mfName())}`);
      return null;
    }
    return this.startLabelValue;
  }

  private isSpecialLabel(name: string): boolean {
    return (this.mfType() === 'SUMMARY' && name === 'quantile') || (this.mfType() === 'HISTOGRAM' && name === 'le');
  }

  private hasDuplicate(pairs: ReadonlyArray<[string, string]>): boolean {
    return new Set(pairs.map(([n]) => n)).size !== pairs.length;
  }

  private startLabelValue(): State {
    this.skipBlankTab();
    if (this.err) return null;
    if (this.currentByte !== ch('"')) {
      this.parseError(`expected '"' at start of label value, found ${goQuoteByte(this.currentByte)}`);
      return null;
    }
    this.readTokenAsLabelValue();
    if (this.err) return null;
    const bytes = this.tokenBytes();
    let value: string;
    try {
      value = utf8.decode(bytes);
    } catch {
      this.parseError(`invalid label value ${goQuote(bytes)}`);
      return null;
    }
    const pair = this.labelPair!;
    pair[1] = value;
    if (this.mfType() === 'SUMMARY' || this.mfType() === 'HISTOGRAM') {
      const special = this.mfType() === 'SUMMARY' ? 'quantile' : 'le';
      if (pair[0] === special) {
        const parsed = goParseFloat(value);
        if (parsed === undefined) {
          this.parseError(`expected float as value for '${special}' label, got ${goQuote(value)}`);
          if (special === 'quantile' && this.utf8Names) this.labelPairs = [];
          return null;
        }
        if (special === 'quantile') this.quantile = parsed;
        else this.bucket = parsed;
      } else {
        this.currentLabels.set(pair[0], value);
      }
    }
    this.skipBlankTab();
    if (this.err) return null;
    if (this.currentByte === ch(',')) return this.startLabelName;
    if (this.currentByte === ch('}')) {
      if (this.utf8Names) {
        if (this.mf === null) {
          this.parseError('invalid metric name');
          return null;
        }
        this.metric!.labels.push(...this.labelPairs);
        this.labelPairs = [];
      }
      this.skipBlankTab();
      if (this.err) return null;
      return this.readingValue;
    }
    this.parseError(`unexpected end of label value ${goQuote(value)}`);
    this.labelPairs = [];
    return null;
  }

  private readingValue(): State {
    const mf = this.mf!;
    const type = this.mfType();
    if (type === 'SUMMARY' || type === 'HISTOGRAM') {
      const seen = type === 'SUMMARY' ? this.summaries : this.histograms;
      const sig = signature(this.currentLabels);
      const known = seen.get(sig);
      if (known) this.metric = known;
      else {
        seen.set(sig, this.metric!);
        mf.metrics.push(this.metric!);
      }
    } else {
      mf.metrics.push(this.metric!);
    }
    this.readTokenUntilWhitespace();
    if (this.err) return null;
    const text = this.tokenString();
    const value = goParseFloat(text);
    if (value === undefined) {
      this.parseError(`expected float as value, got ${goQuote(this.tokenBytes())}`);
      return null;
    }
    const metric = this.metric!;
    switch (type) {
      case 'COUNTER':
      case 'GAUGE':
      case 'UNTYPED':
        metric.kind = type === 'COUNTER' ? 'counter' : type === 'GAUGE' ? 'gauge' : 'untyped';
        metric.value = value;
        break;
      case 'SUMMARY': {
        metric.kind = 'summary';
        const s = (metric.summary ??= { quantiles: [] });
        if (this.isSummaryCount) s.count = Math.trunc(value);
        else if (this.isSummarySum) s.sum = value;
        else if (!Number.isNaN(this.quantile)) s.quantiles.push([this.quantile, value]);
        break;
      }
      case 'HISTOGRAM': {
        metric.kind = 'histogram';
        const h = (metric.histogram ??= { buckets: [] });
        if (this.isHistogramCount) h.count = Math.trunc(value);
        else if (this.isHistogramSum) h.sum = value;
        else if (!Number.isNaN(this.bucket)) h.buckets.push([this.bucket, Math.trunc(value)]);
        break;
      }
      default:
        // Not a ParseError: no line number, and lost if another line follows (as in common).
        this.err = { eof: false, message: `unexpected type for metric name ${goQuote(mf.name)}` };
    }
    if (this.currentByte === NL) return this.startOfLine;
    return this.startTimestamp;
  }

  private startTimestamp(): State {
    this.skipBlankTab();
    if (this.err) return null;
    this.readTokenUntilWhitespace();
    if (this.err) return null;
    const text = this.tokenString();
    if (!goParseInt64(text)) {
      this.parseError(`expected integer as timestamp, got ${goQuote(this.tokenBytes())}`);
      return null;
    }
    this.metric!.timestampMs = String(BigInt(text));
    this.readTokenUntilNewline(false);
    if (this.err) return null;
    if (this.token.length > 0) {
      this.parseError(`spurious string after timestamp: ${goQuote(this.tokenBytes())}`);
      return null;
    }
    return this.startOfLine;
  }

  private readingHelp(): State {
    const mf = this.mf!;
    if (mf.help !== undefined) {
      this.parseError(`second HELP line for metric name ${goQuote(mf.name)}`);
      return null;
    }
    this.readTokenUntilNewline(true);
    if (this.err) return null;
    mf.help = this.tokenString();
    return this.startOfLine;
  }

  private readingType(): State {
    const mf = this.mf!;
    if (mf.type !== undefined) {
      this.parseError(`second TYPE line for metric name ${goQuote(mf.name)}, or TYPE reported after samples`);
      return null;
    }
    this.readTokenUntilNewline(false);
    if (this.err) return null;
    const text = this.tokenString();
    const type = TYPE_NUMBERS.find((t) => t === text.toUpperCase());
    if (!type) {
      this.parseError(`unknown metric type ${goQuote(this.tokenBytes())}`);
      return null;
    }
    mf.type = type;
    return this.startOfLine;
  }

  private skipBlankTab(): void {
    for (;;) {
      this.readByte();
      if (this.err || !isBlankOrTab(this.currentByte)) return;
    }
  }

  private skipBlankTabIfCurrentBlankTab(): void {
    if (isBlankOrTab(this.currentByte)) this.skipBlankTab();
  }

  private readTokenUntilWhitespace(): void {
    this.token = [];
    while (!this.err && !isBlankOrTab(this.currentByte) && this.currentByte !== NL) {
      this.token.push(this.currentByte);
      this.readByte();
    }
  }

  private readTokenUntilNewline(escapes: boolean): void {
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

  private readTokenAsMetricName(): void {
    this.readName(true);
  }

  private readTokenAsLabelName(): void {
    this.readName(false);
  }

  /** A metric name (with ':') or a label name; quoted UTF-8 with the v0.61 parser. */
  private readName(metric: boolean): void {
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

  private readTokenAsLabelValue(): void {
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

  private setOrCreateCurrentMF(): void {
    this.isSummaryCount = this.isSummarySum = this.isHistogramCount = this.isHistogramSum = false;
    const name = this.tokenString();
    const known = this.families.get(name);
    if (known) {
      this.mf = known;
      return;
    }
    const isCount = name.length > 6 && name.endsWith('_count');
    const isSum = name.length > 4 && name.endsWith('_sum');
    const isBucket = name.length > 7 && name.endsWith('_bucket');
    const base = isCount ? name.slice(0, -6) : isSum ? name.slice(0, -4) : name;
    const summary = this.families.get(base);
    if (summary?.type === 'SUMMARY') {
      this.mf = summary;
      this.isSummaryCount = isCount;
      this.isSummarySum = isSum;
      return;
    }
    const histogram = this.families.get(isBucket ? name.slice(0, -7) : base);
    if (histogram?.type === 'HISTOGRAM') {
      this.mf = histogram;
      this.isHistogramCount = isCount;
      this.isHistogramSum = isSum;
      return;
    }
    this.mf = { name, help: undefined, type: undefined, metrics: [] };
    this.families.set(name, this.mf);
  }
}

/** A text-format body as the gateway reads it: its families, or the gateway's own parse error. */
export function parseText(body: Uint8Array, generation: ParserGeneration): { families: CheckFamily[]; error?: string } {
  return new TextParser(body, generation === 'utf8').run();
}
