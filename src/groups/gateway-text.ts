import type { Duplicate } from '../../core/duplicates';
import { formatDuration } from '../lib/format';

/** When the other copy was pushed, relative to this one: "3 min earlier", "at the same time"; null when unknown. */
export function pushTiming(delta: number | null): string | null {
  if (delta === null) return null;
  if (Math.abs(delta) < 1) return 'at the same time';
  return `${formatDuration(Math.abs(delta))} ${delta < 0 ? 'earlier' : 'later'}`;
}

const valuesText = (d: Duplicate) => (d.sameValues ? 'same values' : 'different values');

/**
 * The card's note on the other gateways holding the same grouping key, as pieces: text, and each
 * gateway's name where `name` puts it (the card wraps it in <bdi>).
 * One: "Also on eu-2, pushed 3 min earlier · same values".
 * Several: "Also on eu-2 (3 min earlier, same values) and us-1 (different values)".
 */
export function duplicateNote<T>(duplicates: readonly Duplicate[], name: (gateway: string) => T): Array<string | T> {
  if (duplicates.length === 1) {
    const d = duplicates[0]!;
    const timing = pushTiming(d.pushTimeDelta);
    return ['Also on ', name(d.gateway), `${timing ? `, pushed ${timing}` : ''} · ${valuesText(d)}`];
  }
  const pieces: Array<string | T> = ['Also on '];
  duplicates.forEach((d, i) => {
    if (i > 0) pieces.push(i === duplicates.length - 1 ? ' and ' : ', ');
    const details = [pushTiming(d.pushTimeDelta), valuesText(d)].filter(Boolean).join(', ');
    pieces.push(name(d.gateway), ` (${details})`);
  });
  return pieces;
}

/** The note as plain text. */
export const describeDuplicates = (duplicates: readonly Duplicate[]) =>
  duplicateNote(duplicates, (gateway) => gateway).join('');
