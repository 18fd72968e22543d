/**
 * Keeping credentials and other people's text out of what Pushboard shows: the user and password
 * of a URL in any form it can be written, and the body of a failed answer cut down to a short,
 * plain excerpt. Used by the server (its messages, logs and answers) and the browser alike.
 */

/** `%2f`, `%252f`, …: a character percent-encoded once or more. */
const encoded = (hex: string) => `%(?:25)*${hex}`;
const COLON = `(?::|${encoded('3a')})`;
const SLASH = `(?:[/\\\\]|${encoded('2f')}|${encoded('5c')})`;
const AT = `(?:@|${encoded('40')})`;
/**
 * A scheme, its colon and any slashes or backslashes (none, `/`, `//`, `\\`, encoded: a browser's
 * URL parser reads `http:/u:p@h`, `http:\\u:p@h` and `http:u:p@h` all as `http://u:p@h`), then the
 * user information up to the authority's last `@` (bounded, so masking stays linear).
 */
const URL_CREDENTIALS = new RegExp(
  `((?:\\b[a-z][a-z0-9+.-]{0,30}${COLON}${SLASH}{0,8}|(?<![^\\s"'(=<>])${SLASH}{2,8}))((?:(?!${SLASH})[^\\s?#"'<>\`]){0,256})${AT}`,
  'gi',
);

/**
 * The text with the user information of every URL in it replaced by `…`: `http://…@gw:9091/`.
 * Safe on any text (messages, log lines, configuration values, answers' bodies).
 */
export function maskCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, (_all, scheme: string) => `${scheme}…@`);
}

/** Request and response headers an echoing proxy or error page may repeat, with their values. */
const HEADER_LINE =
  /^[\t ]*(?:authorization|proxy-authorization|cookie|set-cookie|host|user-agent|forwarded|via|referer|origin|accept[\w-]*|content-[\w-]+|x-[\w-]+|[a-z0-9]+(?:-[a-z0-9]+)+)[\t ]*[:=].*$/gim;
const HTML = /<(?:!doctype|html|head|body|title|meta|p|div|span|h[1-6]|pre|br|hr|script|style|a|center)\b/i;
/** An authentication scheme and its token, wherever it stands (`Authorization: Basic YWxp…`). */
const AUTH_TOKEN = /\b(basic|bearer|digest|negotiate|token)(\s+)[\w+/=.~-]{4,}/gi;
/** `password=…`, `"secret": "…"`, `api_key: …`: the value hidden. */
const SECRET_VALUE =
  /\b(authorization|cookie|passw(?:or)?d|secret|token|api[_-]?key|access[_-]?key|credentials?)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi;

/**
 * What viewers may see of the body of a failed answer: plain text, one line, at most `max`
 * characters, with no HTML, no header lines, no credentials (of URLs, authentication tokens,
 * `password=…`), and none of `secrets` (the server's own credentials) in any form it knows.
 */
export function safeExcerpt(body: string, max = 200, secrets: readonly string[] = []): string {
  let text = body.slice(0, 8192);
  for (const secret of secrets) if (secret.length >= 3) text = text.split(secret).join('…');
  text = maskCredentials(text);
  // An error page's text without its markup (the gateway's own reasons may hold `<value:1 >`).
  if (HTML.test(text)) {
    text = text
      .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<\/?[a-z!][^>]*(?:>|$)/gi, ' ');
  }
  text = text
    .replace(HEADER_LINE, ' ')
    .replace(AUTH_TOKEN, '$1$2…')
    .replace(SECRET_VALUE, '$1$2…')
    // Control characters (a terminal's escapes among them) and every run of white space: one space.
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
