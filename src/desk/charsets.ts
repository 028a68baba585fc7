// Decoding pieces the feed parser and the page extractor share: one Content-Type reading, one
// windows-1252 table, one repair for text that UTF-8 cannot carry.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The charset parameter of a Content-Type header value, lower-cased, quoted or not. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType?.match(/(?:^|;)\s*charset\s*=\s*(?:"([^"]*)"|([^;\s"']+))/i);
  const label = match?.[1] ?? match?.[2];
  return label ? label.toLowerCase() : null;
}

// windows-1252 bytes 0x80-0x9F (WHATWG Encoding index); 0x81, 0x8D, 0x8F, 0x90, 0x9D map to themselves.
const CP1252_HIGH =
  '\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178';

/**
 * Node 20's TextDecoder takes a latin1 fast path for every windows-1252 label (iso-8859-1 and
 * latin1 among them), so 0x80-0x9F come out as C1 controls instead of €, “ ” and so on.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Replaces unpaired UTF-16 surrogates, which cannot be written as UTF-8, with U+FFFD. */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
