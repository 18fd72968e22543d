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
import { type CheckFamily, TYPE_NUMBERS } from './families';
import { goQuote } from './go-format';
import { LabelReader } from './text-labels';
import { ch, goParseFloat, goParseInt64, isBlankOrTab, NL, type State } from './text-read';

export type ParserGeneration = 'legacy' | 'utf8';

const signature = (labels: Map<string, string>) => JSON.stringify([...labels].sort(([a], [b]) => (a < b ? -1 : 1)));

class TextParser extends LabelReader {
  run(): { families: CheckFamily[]; error?: string } {
    for (let state: State = this.startOfLine; state !== null;) state = state.call(this);
    if (this.err?.eof) this.parseError('unexpected end of input stream');
    const families = [...this.families.values()]
      .filter((f) => f.metrics.length > 0)
      .map((f) => ({ name: f.name, help: f.help ?? '', type: f.type ?? 'UNTYPED', metrics: f.metrics }));
    const err = this.err;
    return err && !err.eof ? { families, error: err.message } : { families };
  }

  protected startOfLine(): State {
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

  protected startComment(): State {
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

  protected readingMetricName(): State {
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

  protected readingLabels(): State {
    if (this.mfType() === 'SUMMARY' || this.mfType() === 'HISTOGRAM') {
      this.currentLabels = new Map([['__name__', this.mfName()]]);
      this.quantile = NaN;
      this.bucket = NaN;
    }
    if (this.currentByte !== ch('{')) return this.readingValue;
    return this.startLabelName;
  }

  protected readingValue(): State {
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

  protected startTimestamp(): State {
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

  protected readingHelp(): State {
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

  protected readingType(): State {
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

  protected setOrCreateCurrentMF(): void {
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
