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
