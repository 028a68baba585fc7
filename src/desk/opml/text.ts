/** Shared by parsing and writing, so that a title survives the round trip unchanged. */

// Titles and folder names are one line in every reader. XML parsers turn a literal tab or newline in
// an attribute into a space (XML 1.0 §3.3.3) but feedsmith keeps it, so both sides collapse them here.
const RUNS_OF_SPACE_OR_CONTROL = /[\s\p{Cc}]+/gu;
// What XML 1.0 §2.2 cannot carry at all once controls are gone: lone surrogates, U+FFFE, U+FFFF.
const NOT_XML_CHAR = /[\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** One trimmed line, or null when nothing printable is left. */
export function singleLine(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.replace(NOT_XML_CHAR, '').replace(RUNS_OF_SPACE_OR_CONTROL, ' ').trim() || null;
}
