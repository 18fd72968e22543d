/**
 * The label states of the gateway's text parser (prometheus/common expfmt/text_parse.go): a
 * sample's `{name="value",…}`, with common v0.37's order of checks (gateway 1.5.1) or v0.61's
 * (1.11.0: quoted UTF-8 names, the metric name inside the braces), and the family being read.
 */
import { goParseFloat, ch, type State, TextReader } from './text-read';
import { goQuote, goQuoteByte } from './go-format';
import type { CheckMetric, FamilyType } from './families';

export interface PFamily {
  name: string;
  help: string | undefined;
  type: FamilyType | undefined;
  metrics: CheckMetric[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export abstract class LabelReader extends TextReader {
  readonly families = new Map<string, PFamily>();
  protected mf: PFamily | null = null;
  protected metric: CheckMetric | null = null;
  protected labelPair: [string, string] | null = null;
  protected currentLabels = new Map<string, string>();
  protected summaries = new Map<string, CheckMetric>();
  protected histograms = new Map<string, CheckMetric>();
  protected quantile = NaN;
  protected bucket = NaN;
  protected isSummaryCount = false;
  protected isSummarySum = false;
  protected isHistogramCount = false;
  protected isHistogramSum = false;
  protected insideBraces = false;
  protected insideBracesPresent = false;

  /** The sample's value, after its labels. */
  protected abstract readingValue(): State;

  /** Makes the family named by the token current (a summary's or histogram's own lines join it). */
  protected abstract setOrCreateCurrentMF(): void;

  protected mfName(): string {
    return this.mf?.name ?? '';
  }

  protected mfType(): FamilyType | 'COUNTER' {
    // A nil family's GetType() is the enum's zero, COUNTER.
    return this.mf?.type ?? 'COUNTER';
  }

  protected startLabelName(): State {
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
  protected legacyLabelName(): State {
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

  protected isSpecialLabel(name: string): boolean {
    return (this.mfType() === 'SUMMARY' && name === 'quantile') || (this.mfType() === 'HISTOGRAM' && name === 'le');
  }

  protected hasDuplicate(pairs: ReadonlyArray<[string, string]>): boolean {
    return new Set(pairs.map(([n]) => n)).size !== pairs.length;
  }

  protected startLabelValue(): State {
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
}
