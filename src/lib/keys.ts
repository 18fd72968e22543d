/**
 * True when a key press belongs to what the person is typing into or to an open dialog,
 * so page-wide shortcuts (/, j, k, ?, Esc) leave it alone.
 */
export function typingInto(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('input, textarea, select, [contenteditable], dialog');
}
