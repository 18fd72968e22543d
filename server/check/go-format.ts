/**
 * Go's own formatting, where the gateway's error wording depends on it: `%q` of a string or of a
 * byte (strconv.Quote, strconv.QuoteRune) and `%v` of a float64 in a protobuf text message.
 */

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const escapes: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
};

function quoteChar(char: string, quote: string): string {
  if (char === quote) return `\\${quote}`;
  const escaped = escapes[char];
  if (escaped) return escaped;
  if (printable.test(char)) return char;
  const code = char.codePointAt(0)!;
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code === 0xfffd) return '\\ufffd';
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
}

/** Go's `%q` of a string (strconv.Quote); bytes that are not UTF-8 come as `\xHH`. */
export function goQuote(value: string | Uint8Array): string {
  if (typeof value === 'string') return `"${[...value].map((c) => quoteChar(c, '"')).join('')}"`;
  let out = '"';
  let at = 0;
  const fatal = new TextDecoder('utf-8', { fatal: true });
  while (at < value.length) {
    const byte = value[at]!;
    const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
    let char: string | undefined;
    if (size > 0 && at + size <= value.length) {
      try {
        char = fatal.decode(value.subarray(at, at + size));
      } catch {
        char = undefined;
      }
    }
    if (char === undefined) {
      out += `\\x${byte.toString(16).padStart(2, '0')}`;
      at++;
    } else {
      out += quoteChar(char, '"');
      at += size;
    }
  }
  return `${out}"`;
}

/** Go's `%q` of a byte (an integer): a rune literal, `'x'`, `'\n'`, `'"'`. */
export function goQuoteByte(byte: number): string {
  return `'${quoteChar(String.fromCodePoint(byte), "'")}'`;
}

/** A float64 as Go's strconv.FormatFloat(f, 'g', -1, 64) writes it (protobuf text uses this). */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exp] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exp);
  // The shortest digits; the exponent form when the exponent is < -4 or >= 6 (Go's rule for 'g', -1).
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const digits = mantissa.replace(/[-.]/g, '');
  const sign = value < 0 ? '-' : '';
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.padEnd(exponent + 1, '0');
  const rest = digits.slice(exponent + 1);
  return `${sign}${whole.slice(0, exponent + 1)}${rest ? `.${rest}` : ''}`;
}
