/**
 * Bytes to text for HTML, following the WHATWG HTML "determining the character encoding" order:
 * BOM, then the HTTP charset, then a <meta> prescan, then a fallback.
 */

import { charsetFromContentType, decodeWindows1252, withoutLoneSurrogates } from '../charsets.js';

/**
 * WHATWG prescans 1024 bytes; real pages put kilobytes of inline style or script before their
 * <meta charset> (miniflux's iso-8859-1-meta-after-1024 fixture), so we look further. The scan
 * stops at <body>, so the larger window cannot pick up a meta tag from the article itself.
 */
const PRESCAN_BYTES = 64 * 1024;

/** Elements whose content the HTML tokenizer reads as text, so a <meta> inside them is not markup. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

export type DecodedHtml = { text: string; encoding: string };

/** A label as the WHATWG Encoding standard names it, or null when no decoder knows it. */
function canonicalEncoding(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  // WHATWG maps x-user-defined to windows-1252 when a page declares it; Node has no decoder for it.
  if (trimmed === 'x-user-defined') return 'windows-1252';
  try {
    const encoding = new TextDecoder(trimmed).encoding;
    // Node's "gbk" decoder lacks gb18030's four-byte sequences; WHATWG decodes GBK as gb18030.
    return encoding === 'gbk' ? 'gb18030' : encoding;
  } catch {
    return null;
  }
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

function encodingFromBom(bytes: Uint8Array): { encoding: string; bomBytes: number } | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  return null;
}

/** WHATWG "extracting a character encoding from a meta element", for a content="…" value. */
function charsetInMetaContent(content: string): string | null {
  const match = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content);
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? null;
}

type Tag = { attributes: Map<string, string>; end: number };

/** Reads attributes from just after a tag name to the closing ">", honouring quoted values. */
function readAttributes(text: string, from: number): Tag {
  const attributes = new Map<string, string>();
  let i = from;
  const isSpace = (c: string | undefined) =>
    c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
  while (i < text.length) {
    while (isSpace(text[i]) || text[i] === '/') i++;
    if (i >= text.length || text[i] === '>') break;
    const nameStart = i;
    while (i < text.length && !isSpace(text[i]) && !'=/>'.includes(text[i] as string)) i++;
    const name = text.slice(nameStart, i).toLowerCase();
    while (isSpace(text[i])) i++;
    let value = '';
    if (text[i] === '=') {
      i++;
      while (isSpace(text[i])) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        const stop = close === -1 ? text.length : close;
        value = text.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < text.length && !isSpace(text[i]) && text[i] !== '>') i++;
        value = text.slice(valueStart, i);
      }
    }
    if (name && !attributes.has(name)) attributes.set(name, value);
  }
  return { attributes, end: i };
}

function charsetOfMeta(attributes: Map<string, string>): string | null {
  const charset = attributes.get('charset');
  if (charset !== undefined) return charset;
  const content = attributes.get('content');
  if (content !== undefined && attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
    return charsetInMetaContent(content);
  }
  return null;
}

/** The first usable encoding a <meta> in the head declares, skipping comments and raw-text elements. */
function encodingFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES));
  const text = head.toString('latin1');
  // Latin-1 lower-casing keeps every length, so offsets in `lower` are offsets in `text`.
  const lower = text.toLowerCase();
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    if (open === -1) return null;
    if (text.startsWith('<!--', open)) {
      // "<!-->" is a complete comment, so the search for "-->" starts inside the opener.
      const close = text.indexOf('-->', open + 2);
      if (close === -1) return null;
      position = close + 3;
      continue;
    }
    const tagMatch = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(text.slice(open, open + 64));
    if (!tagMatch) {
      // "<!doctype …>", "<?…>" and "</ …>" end at the next ">"; any other "<" is just text.
      const isMarkup = text[open + 1] === '!' || text[open + 1] === '?' || text[open + 1] === '/';
      const close = isMarkup ? text.indexOf('>', open) : open;
      if (close === -1) return null;
      position = close + 1;
      continue;
    }
    const isEndTag = tagMatch[1] === '/';
    const name = (tagMatch[2] as string).toLowerCase();
    const tag = readAttributes(text, open + tagMatch[0].length);
    position = tag.end + 1;
    if (isEndTag) continue;
    if (name === 'body') return null;
    if (name === 'meta') {
      const label = charsetOfMeta(tag.attributes);
      const encoding = label === null ? null : canonicalEncoding(label);
      // A document that could read its own <meta> is ASCII-compatible, so UTF-16 here means UTF-8.
      if (encoding) return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
    } else if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = lower.indexOf(`</${name}`, position);
      if (close === -1) return null;
      position = close;
    }
  }
  return null;
}

/** The text when the bytes are valid UTF-8; a multi-byte sequence cut off at the very end is tolerated. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

function hasNonAsciiByte(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function wellFormed(text: string, encoding: string): DecodedHtml {
  return { text: withoutLoneSurrogates(text), encoding };
}

/**
 * Decodes an HTML page. A BOM wins, then the HTTP charset: that is what browsers show readers, and a
 * wrong header is visible on the live site, so publishers fix it. A <meta> charset is different: it
 * is invisible whenever the server sends a charset, so stale ones survive (the qq page says gb2312 and
 * is UTF-8). Bytes that are valid UTF-8 with at least one multi-byte sequence are almost never legacy
 * text, so they overrule a <meta> label. With no label at all: UTF-8 if valid, else windows-1252.
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = encodingFromBom(bytes);
  if (bom) return wellFormed(decodeAs(bom.encoding, bytes.subarray(bom.bomBytes)), bom.encoding);

  const httpLabel = charsetFromContentType(contentType);
  const httpEncoding = httpLabel === null ? null : canonicalEncoding(httpLabel);
  if (httpEncoding) return wellFormed(decodeAs(httpEncoding, bytes), httpEncoding);

  const metaEncoding = encodingFromMeta(bytes);
  const utf8 = strictUtf8(bytes);
  if (metaEncoding && metaEncoding !== 'utf-8' && !(utf8 !== null && hasNonAsciiByte(bytes))) {
    return wellFormed(decodeAs(metaEncoding, bytes), metaEncoding);
  }
  if (utf8 !== null) return wellFormed(utf8, 'utf-8');
  if (metaEncoding === 'utf-8') return wellFormed(decodeAs('utf-8', bytes), 'utf-8');
  return wellFormed(decodeWindows1252(bytes), 'windows-1252');
}
