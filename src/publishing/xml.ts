// A small XML writer shared by feeds and sitemaps: everything is escaped, nothing is CDATA.

// XML 1.0 §2.2 (production Char) forbids C0 controls other than tab, LF and CR, lone surrogates,
// U+FFFE and U+FFFF. The same section discourages U+007F–U+009F; they only arrive as mojibake, so
// they go too. With the `u` flag a lone surrogate is one code point and falls outside every range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Characters XML 1.0 cannot carry are dropped, then markup characters are escaped. */
export function escapeXml(value: string): string {
  // Escaping every `>` also defuses `]]>`, which XML 1.0 §2.4 forbids in character data.
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

export type XmlAttributes = Record<string, string | number | undefined>;

/** One element. `children` must already be XML: from `xmlElement`, `xmlText` or `escapeXml`. */
export function xmlElement(name: string, attributes: XmlAttributes, children?: string | string[]): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  if (children === undefined) return `<${name}${attrs}/>`;
  const body = Array.isArray(children) ? `\n${children.join('\n')}\n` : children;
  return `<${name}${attrs}>${body}</${name}>`;
}

/** An element holding only text, escaped here. */
export function xmlText(name: string, text: string, attributes: XmlAttributes = {}): string {
  return xmlElement(name, attributes, escapeXml(text));
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Parses an ISO date, failing loudly: a feed with "Invalid Date" in it is worse than no feed. */
export function parseIsoDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${JSON.stringify(iso)}`);
  return date;
}

// RSS 2.0 asks for RFC 822 dates; toUTCString gives that form with a four-digit year and "GMT".
