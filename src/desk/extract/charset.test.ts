import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { decodeHtmlBytes } from './charset.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)),
  );

// "中文" in GBK, "中文" in Big5, "日本" in Shift_JIS and in ISO-2022-JP (7-bit, escape sequences).
const GBK_ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];
const BIG5_ZHONGWEN = [0xa4, 0xa4, 0xa4, 0xe5];
const SJIS_NIHON = [0x93, 0xfa, 0x96, 0x7b];
const ISO2022JP_NIHON = [0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42];
const padding = `<!-- ${'x'.repeat(2000)} -->`;

describe('decodeHtmlBytes, inline cases', () => {
  it.each([
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '<p>é'), null, '<p>é', 'utf-8'],
    ['UTF-16LE BOM', bytes([0xff, 0xfe, 0x3c, 0, 0x70, 0]), null, '<p', 'utf-16le'],
    ['UTF-16BE BOM', bytes([0xfe, 0xff, 0, 0x3c, 0, 0x70]), null, '<p', 'utf-16be'],
    [
      'HTTP charset, quoted',
      bytes('<p>', SJIS_NIHON),
      'text/html; charset="Shift_JIS"',
      '<p>日本',
      'shift_jis',
    ],
    [
      'unknown HTTP label falls through to <meta>',
      bytes('<meta charset="big5"><p>', BIG5_ZHONGWEN),
      'text/html; charset=x-bogus',
      '<meta charset="big5"><p>中文',
      'big5',
    ],
    [
      '<meta charset=gb2312> decodes as gb18030',
      bytes('<meta charset=gb2312>', GBK_ZHONGWEN),
      null,
      '<meta charset=gb2312>中文',
      'gb18030',
    ],
    [
      'gb18030 four-byte sequence under a gb2312 label',
      bytes('<meta charset="gb2312">', [0x81, 0x30, 0x81, 0x30]),
      null,
      '<meta charset="gb2312">\u0080',
      'gb18030',
    ],
    [
      '<meta http-equiv content=…charset=>',
      bytes('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=big5">', BIG5_ZHONGWEN),
      null,
      '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=big5">中文',
      'big5',
    ],
    [
      'content=…charset= without http-equiv is not a declaration',
      bytes('<meta name="x" content="charset=big5">', [0xe9], '.'),
      null,
      '<meta name="x" content="charset=big5">é.',
      'windows-1252',
    ],
    [
      '<meta> after 1024 bytes',
      bytes(padding, '<meta charset="windows-1251">', [0xc0]),
      null,
      null,
      'windows-1251',
    ],
    [
      '<meta> inside a comment is ignored',
      bytes('<!-- <meta charset="big5"> -->', [0xe9], '.'),
      null,
      null,
      'windows-1252',
    ],
    [
      '<meta> inside a script is ignored',
      bytes('<script>"<meta charset=big5>"</script>', [0xe9], '.'),
      null,
      null,
      'windows-1252',
    ],
    [
      '<meta> after <body> is ignored',
      bytes('<body><meta charset="big5">', [0xe9], '.'),
      null,
      null,
      'windows-1252',
    ],
    [
      '<meta> saying UTF-16 means UTF-8',
      bytes('<meta charset="utf-16"><p>é'),
      null,
      '<meta charset="utf-16"><p>é',
      'utf-8',
    ],
    [
      '<meta> overruled by valid multi-byte UTF-8',
      bytes('<meta charset="gb2312"><p>中文'),
      null,
      '<meta charset="gb2312"><p>中文',
      'utf-8',
    ],
    [
      'pure 7-bit bytes keep their <meta> label (ISO-2022-JP is valid ASCII)',
      bytes('<meta charset="iso-2022-jp"><p>', ISO2022JP_NIHON),
      null,
      '<meta charset="iso-2022-jp"><p>日本',
      'iso-2022-jp',
    ],
    ['no label, valid UTF-8', bytes('<p>中文'), null, '<p>中文', 'utf-8'],
    ['no label, UTF-8 cut mid-character at the end', bytes('<p>中', [0xe6, 0x96]), null, '<p>中', 'utf-8'],
    [
      'no label, invalid UTF-8 → windows-1252',
      bytes('<p>', [0x80, 0x93, 0x94, 0xe9]),
      null,
      '<p>€“”é',
      'windows-1252',
    ],
    [
      'HTTP iso-8859-1 is windows-1252 (WHATWG)',
      bytes('<p>', [0x80]),
      'text/html; charset=ISO-8859-1',
      '<p>€',
      'windows-1252',
    ],
    [
      'x-user-defined → windows-1252',
      bytes('<meta charset="x-user-defined"><p>', [0x80]),
      null,
      null,
      'windows-1252',
    ],
    [
      'HTTP UTF-8 with invalid bytes → U+FFFD, as browsers show it',
      bytes('<p>', [0xff]),
      'text/html; charset=utf-8',
      '<p>\uFFFD',
      'utf-8',
    ],
    [
      'lone surrogate in UTF-16 → U+FFFD',
      bytes([0xff, 0xfe, 0x3c, 0, 0x00, 0xd8, 0x3e, 0]),
      null,
      '<\uFFFD>',
      'utf-16le',
    ],
  ])('%s', (_, input, contentType, text, encoding) => {
    const decoded = decodeHtmlBytes(input, contentType);
    expect(decoded.encoding).toBe(encoding);
    if (text !== null) expect(decoded.text).toBe(text);
  });

  it('decodes the windows-1251 byte after a late <meta>', () => {
    expect(decodeHtmlBytes(bytes(padding, '<meta charset="windows-1251">', [0xc0])).text.endsWith('А')).toBe(
      true,
    );
  });
});

describe('decodeHtmlBytes, precedence when the labels disagree', () => {
  // GBK bytes whose HTTP header says ISO-8859-1 and whose <meta> says gb2312. Browsers take the
  // header (HTML "determining the character encoding": BOM, then transport, then prescan), so the
  // desk sees what the site's readers saw. Guessing past the header is not principled: every byte
  // sequence is valid windows-1252, and most are valid GBK, so nothing in the bytes proves it wrong.
  const page = bytes('<html><head><meta charset="gb2312"><title>', GBK_ZHONGWEN, '</title></head></html>');

  it('the HTTP charset wins over <meta>', () => {
    const decoded = decodeHtmlBytes(page, 'text/html; charset=ISO-8859-1');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('<title>ÖÐÎÄ</title>');
  });

  it('without the header, <meta> decides', () => {
    const decoded = decodeHtmlBytes(page, 'text/html');
    expect(decoded).toMatchObject({ encoding: 'gb18030' });
    expect(decoded.text).toContain('<title>中文</title>');
  });

  it('a BOM wins over both', () => {
    const withBom = bytes([0xef, 0xbb, 0xbf], '<meta charset="gb2312"><title>中文</title>');
    const decoded = decodeHtmlBytes(withBom, 'text/html; charset=ISO-8859-1');
    expect(decoded).toEqual({ encoding: 'utf-8', text: '<meta charset="gb2312"><title>中文</title>' });
  });
});

describe('decodeHtmlBytes, corpus pages', () => {
  it('reads the ISO-8859-1 page whose <meta charset> comes after byte 1024', () => {
    const raw = corpusFile('pages/discovery/miniflux--iso-8859-1-meta-after-1024.html');
    expect(raw.indexOf('<meta charset')).toBeGreaterThan(1024);
    const decoded = decodeHtmlBytes(raw);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('<title>Frédéric</title>');
    expect(decoded.text).toContain('<p>Café</p>');
  });

  it.each([
    ['pages/legacy-encodings/qq_gb2312.html', 'gb18030', 'pages/readability/qq/source.html'],
    ['pages/legacy-encodings/pixnet_big5.html', 'big5', 'pages/readability/pixnet/source.html'],
    ['pages/legacy-encodings/yahoo-4_shift_jis.html', 'shift_jis', 'pages/readability/yahoo-4/source.html'],
  ])('%s decodes as %s to the same <title> as its UTF-8 twin', (legacy, encoding, twin) => {
    const decoded = decodeHtmlBytes(corpusFile(legacy));
    const title = (text: string) => /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).not.toContain('\uFFFD');
    expect(title(decoded.text)).toBe(title(decodeHtmlBytes(corpusFile(twin)).text));
  });

  it('the qq page declares gb2312 but is stored as UTF-8: valid UTF-8 overrules the <meta>', () => {
    const raw = corpusFile('pages/readability/qq/source.html');
    expect(raw.toString('latin1')).toMatch(/charset=gb2312/i);
    expect(decodeHtmlBytes(raw).encoding).toBe('utf-8');
  });
});
