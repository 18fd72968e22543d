/**
 * The version of the wire protocol between the Pushboard server and its page: every shape in
 * core/wire/. Written "major.minor":
 * - a minor step adds to a message (a new optional field, a new event a page may ignore): a page
 *   of the same major carries on, reading what it knows;
 * - a major step changes or removes something a page relies on: a page of another major stops
 *   following and asks to be reloaded.
 *
 * Not to be confused with the `version` of the stream's snapshot and diff events, which counts
 * the changes of the server's model of the gateways (a gap makes the page resync), nor with the
 * `server` id, which tells one server process from the next.
 *
 * Where the server sends it:
 * - in the stream's snapshot event (`wire`), and so in the first screenful the page carries:
 *   EventSource cannot read a response's headers, and the stream is where a page from an older
 *   build notices first (it reconnects after the server restarted with a new build);
 * - as the `Pushboard-Wire` response header on every other `-/pushboard/` answer and on
 *   config.json: a header leaves the JSON bodies as they were (scripts, the prune CLI and older
 *   pages read them unchanged) and is one line of middleware rather than one field per route.
 */
export const WIRE_VERSION = '1.0';

/** The response header that carries WIRE_VERSION. */
export const WIRE_HEADER = 'Pushboard-Wire';

/**
 * How a page of one wire version gets on with a server of another:
 * - `same`: as built;
 * - `newer`: the server's minor is newer: carry on, unknown fields are ignored;
 * - `older`: the server's minor is older: carry on, missing optional fields have their defaults;
 * - `reload`: another major, or a version that cannot be read: stop and ask for a reload.
 *
 * A server that sends no version at all (null or undefined) came before wire versions, whose
 * messages are those of 1.0: it counts as "1.0".
 */
export type WireFit = 'same' | 'newer' | 'older' | 'reload';

const FORM = /^(\d+)\.(\d+)$/;

export function parseWireVersion(text: string): { major: number; minor: number } | undefined {
  const match = FORM.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function wireFit(server: string | null | undefined, page: string = WIRE_VERSION): WireFit {
  const theirs = parseWireVersion(server ?? '1.0');
  const ours = parseWireVersion(page);
  if (!theirs || !ours || theirs.major !== ours.major) return 'reload';
  if (theirs.minor === ours.minor) return 'same';
  return theirs.minor > ours.minor ? 'newer' : 'older';
}
