/**
 * Two overlapping sheets, drawn in the text colour (a font glyph like ⧉ is missing on many
 * systems): Copy, and a group held on several gateways.
 */
export function SheetsIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 shrink-0" fill="none" stroke="currentColor">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" strokeWidth="1.5" />
      <path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" strokeWidth="1.5" />
    </svg>
  );
}
