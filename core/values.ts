/** Sample values arrive as Go-formatted strings: "1.2e+09", "NaN", "+Inf", "-Inf". */
export function parseGoFloat(raw: string): number {
  switch (raw) {
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
    default:
      return raw.trim() === '' ? NaN : Number(raw);
  }
}

/** Numeric order for bucket bounds and quantiles, NaN last. */
export function compareGoFloats(a: string, b: string): number {
  const x = parseGoFloat(a);
  const y = parseGoFloat(b);
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
  if (Number.isNaN(y)) return -1;
  return x === y ? 0 : x < y ? -1 : 1;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });
const large = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/**
 * A Go-formatted sample value made readable: `1.23456789e+09` → `1,234,567,890`, `0.30000000000000004`
 * → `0.3`, `1795554383.3202488` → `1,795,554,383.3202`, `1e-300` stays `1e-300`; `NaN`, `+Inf`, `-Inf` as Prometheus writes them. The raw string is
 * the exact value; show it beside or on hover whenever the readable form differs.
 */
export function formatValue(raw: string): string {
  const n = parseGoFloat(raw);
  if (Number.isNaN(n)) return raw === 'NaN' ? 'NaN' : raw;
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-4) return exponential(n);
  // Never round the integer part: 1234567.5 must not read as 1,234,570.
  if (Number.isInteger(n)) return integer.format(n);
  return abs >= 1 ? large.format(n) : small.format(n);
}

function exponential(n: number): string {
  // 4 significant digits, trailing zeros dropped: 1.2346e+20, 1e-300.
  const [mantissa = '', exp = ''] = n.toExponential(4).split('e');
  return `${mantissa.replace(/\.?0+$/, '')}e${exp}`;
}
