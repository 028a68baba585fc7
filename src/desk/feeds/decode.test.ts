import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { decodeFeedBytes } from './decode.js';
import { parseFeedDocument } from './parse.js';

const now = new Date('2026-01-01T00:00:00Z');
const afterDeclaration = (text: string) => text.replace(/^\uFEFF?<\?xml[^>]*\?>/, '');
const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('decodeFeedBytes, inline cases', () => {
  it.each([
    ['UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e), undefined, '<a>', 'utf-8'],
    ['UTF-16LE BOM', bytes(0xff, 0xfe, 0x3c, 0, 0x61, 0), undefined, '<a', 'utf-16le'],
    ['UTF-16BE BOM', bytes(0xfe, 0xff, 0, 0x3c, 0, 0x61), undefined, '<a', 'utf-16be'],
    ['UTF-32LE BOM', bytes(0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0), undefined, '<', 'utf-32le'],
    ['UTF-32BE, no BOM', bytes(0, 0, 0, 0x3c, 0, 0x01, 0xf6, 0x00), undefined, '<\u{1F600}', 'utf-32be'],
    ['UTF-32 bad code point → U+FFFD', bytes(0, 0, 0, 0x3c, 0, 0, 0xd8, 0), undefined, '<\uFFFD', 'utf-32be'],
    [
      'HTTP charset wins over the declaration',
      bytes(...ascii('<?xml encoding="utf-8"?>'), 0xe9),
      'text/xml; charset=ISO-8859-1',
      '<?xml encoding="utf-8"?>é',
      'iso-8859-1',
    ],
    [
      'declared windows-1252',
      bytes(...ascii("<?xml version='1.0' encoding='windows-1252'?>"), 0x80),
      undefined,
      "<?xml version='1.0' encoding='windows-1252'?>€",
      'windows-1252',
    ],
    [
      'invalid UTF-8, undeclared → windows-1252',
      bytes(0x3c, 0x61, 0x3e, 0xe9),
      undefined,
      '<a>é',
      'windows-1252',
    ],
    [
      'unknown label → UTF-8, else windows-1252',
      bytes(...ascii('<?xml encoding="x-bogus"?>'), 0xff),
      undefined,
      '<?xml encoding="x-bogus"?>ÿ',
      'windows-1252',
    ],
    [
      'BOM with invalid bytes → U+FFFD',
      bytes(0xef, 0xbb, 0xbf, 0x3c, 0xff, 0x3e),
      undefined,
      '<\uFFFD>',
      'utf-8',
    ],
    [
      'lone UTF-16 surrogate → U+FFFD',
      bytes(0xff, 0xfe, 0x3c, 0, 0x00, 0xd8, 0x3e, 0),
      undefined,
      '<\uFFFD>',
      'utf-16le',
    ],
  ])('%s', (_, input, contentType, text, encoding) => {
    expect(decodeFeedBytes(input, contentType)).toEqual({ text, encoding });
  });
});

describe('decodeFeedBytes, corpus files in CJK and UTF-16/32 encodings', () => {
  it('GB2312 and GBK-declared kc0011 decode to the same text as the UTF-8 copy (MANIFEST)', () => {
    const utf8 = afterDeclaration(
      decodeFeedBytes(corpusFile('feeds/valid/derived--kc0011_utf-8.rss.xml')).text,
    );
    expect(utf8).toContain('投资资讯网交易在线');
    for (const file of [
      'feeds/valid/nnw--kc0011_gb2312.rss.xml',
      'feeds/valid/derived--kc0011_gbk-declared.rss.xml',
    ]) {
      expect(afterDeclaration(decodeFeedBytes(corpusFile(file)).text)).toBe(utf8);
    }
  });

  it('a UTF-8 label on GB2312 bytes gives way to the XML declaration, as a wrong server header does', () => {
    const gb = corpusFile('feeds/valid/nnw--kc0011_gb2312.rss.xml');
    const utf8 = corpusFile('feeds/valid/derived--kc0011_utf-8.rss.xml').toString('utf8');
    const decoded = decodeFeedBytes(gb, 'text/xml; charset=utf-8');
    expect(decoded.encoding).toBe('gb2312');
    expect(afterDeclaration(decoded.text)).toBe(afterDeclaration(utf8));
  });

  it('Shift_JIS RSS 1.0 parses to the same document as its UTF-8 original', () => {
    const sjis = parseFeedDocument(corpusFile('feeds/valid/derived--japanese-rss10_shift_jis.rdf.xml'), {
      now,
    });
    const utf8 = parseFeedDocument(corpusFile('feeds/valid/feedrs--japanese_rss10.rdf.xml'), { now });
    expect(sjis).toEqual(utf8);
    expect(sjis.items.map((i) => i.title).join(' ')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it.each([
    ['feeds/valid/feedparser--euc-kr.xml', '년'],
    ['feeds/valid/derived--big5-declared.xml', '我希望'],
    ['feeds/valid/derived--eucjp-declared.xml', null],
    ['feeds/valid/derived--shiftjis-declared.xml', null],
  ])('%s decodes without replacement characters', (file, titleStart) => {
    const { text } = decodeFeedBytes(corpusFile(file));
    expect(text).not.toContain('\uFFFD');
    if (titleStart)
      expect(parseFeedDocument(corpusFile(file), { now }).title?.startsWith(titleStart)).toBe(true);
  });

  it.each([
    ['feeds/valid/feedparser--utf-16be-autodetect.xml', 'utf-16be'],
    ['feeds/valid/feedparser--utf-32le-bom.xml', 'utf-32le'],
    ['feeds/valid/simplepie--utf-16le.xml', 'utf-16le'],
  ])('%s is recognised as %s from its bytes', (file, encoding) => {
    const decoded = decodeFeedBytes(corpusFile(file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.trimStart().startsWith('<')).toBe(true);
  });

  it('the UTF-16LE feed without BOM or declaration yields its item', () => {
    const doc = parseFeedDocument(corpusFile('feeds/valid/simplepie--utf-16le.xml'), { now });
    expect(doc.items).toHaveLength(1);
  });
});
