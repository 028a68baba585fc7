/** Bytes to text, as XML 1.0 Appendix F and RFC 7303 describe: BOM, then HTTP charset, then the XML declaration. */

import { charsetFromContentType, decodeWindows1252, withoutLoneSurrogates } from '../charsets.js';

type Detected = { encoding: string; skipBytes: number };

function detectByBytes(b: Uint8Array): Detected | null {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', skipBytes: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', skipBytes: 4 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skipBytes: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skipBytes: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skipBytes: 2 };
  // No BOM: the byte pattern of "<" or "<?" tells the code unit width (XML 1.0 Appendix F.1).
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) return { encoding: 'utf-32be', skipBytes: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', skipBytes: 0 };
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) return { encoding: 'utf-16be', skipBytes: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) return { encoding: 'utf-16le', skipBytes: 0 };
  // Undeclared UTF-16 that starts straight at the root element: ASCII characters alternate with zeros.
  if (b0 && b1 === 0 && b2 && b3 === 0) return { encoding: 'utf-16le', skipBytes: 0 };
  if (b0 === 0 && b1 && b2 === 0 && b3) return { encoding: 'utf-16be', skipBytes: 0 };
  return null;
}

function charsetFromXmlDeclaration(b: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  const match = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Node's ICU TextDecoder has no UTF-32, so it is decoded by hand; bad code points become U+FFFD. */
function decodeUtf32(b: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 3 < b.byteLength; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  if (b.byteLength % 4 !== 0) parts.push('\uFFFD');
  return parts.join('');
}

function decodeWith(encoding: string, b: Uint8Array, fatal: boolean): string | null {
  if (encoding === 'utf-32' || encoding === 'utf-32le' || encoding === 'ucs-4') return decodeUtf32(b, true);
  if (encoding === 'utf-32be') return decodeUtf32(b, false);
  try {
    const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
    if (decoder.encoding === 'windows-1252') return decodeWindows1252(b);
    return decoder.decode(b);
  } catch {
    return null; // unknown label, or invalid bytes when fatal
  }
}

export type DecodedText = { text: string; encoding: string };

/**
 * Decodes a feed to a well-formed string. The HTTP charset is tried first, then the XML
 * declaration's: a label that claims UTF-8 for bytes that are not UTF-8 is passed over (servers
 * often label everything UTF-8), and when nothing fits, windows-1252 (what browsers do, and what
 * miniflux does for such feeds).
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const byBytes = detectByBytes(bytes);
  let result: DecodedText | null = null;
  if (byBytes) {
    const body = bytes.subarray(byBytes.skipBytes);
    result = { text: decodeWith(byBytes.encoding, body, false) ?? '', encoding: byBytes.encoding };
  } else {
    const labels = [charsetFromContentType(contentType), charsetFromXmlDeclaration(bytes)].map((declared) =>
      declared === 'utf-16' ? 'utf-16le' : declared === 'utf8' ? 'utf-8' : declared,
    );
    for (const label of labels) {
      if (!label) continue;
      const text = decodeWith(label, bytes, label === 'utf-8');
      if (text !== null) {
        result = { text, encoding: label };
        break;
      }
    }
    if (!result) {
      const utf8 = decodeWith('utf-8', bytes, true);
      result =
        utf8 !== null
          ? { text: utf8, encoding: 'utf-8' }
          : { text: decodeWith('windows-1252', bytes, false) ?? '', encoding: 'windows-1252' };
    }
  }
  return { text: withoutLoneSurrogates(result.text), encoding: result.encoding };
}
