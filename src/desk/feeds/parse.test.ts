import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { FeedMalformed, FeedRefused, FeedTooLarge } from './errors.js';
import { parseFeedDocument } from './parse.js';

const now = new Date('2026-01-01T00:00:00Z');
const parse = (file: string, url?: string) => parseFeedDocument(corpusFile(file), { now, url });
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseFeedDocument: relative links (corpus)', () => {
  it.each([
    [
      'Atom entry link resolved against the rel=self link',
      'feeds/valid/feedrs--atom-relative.xml',
      undefined,
      0,
      'https://example.com/blog/2003/12/13/atom03',
    ],
    [
      'RSS item xml:base applies to that item only',
      'feeds/valid/nodefeedparser--rss-item-scoped-xml-base.xml',
      undefined,
      0,
      'https://example.com/first/first',
    ],
    [
      'RSS item without xml:base uses the channel link',
      'feeds/valid/nodefeedparser--rss-item-scoped-xml-base.xml',
      undefined,
      1,
      'https://example.com/second',
    ],
    [
      'relative channel link and item link resolved against the feed URL',
      'feeds/valid/nodefeedparser--rss-relative-urls.xml',
      'https://www.arcgames.com/en/games/neverwinter/news/rss',
      0,
      'https://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
    ],
    [
      'xml:base="#fragment" falls back to the self link',
      'feeds/valid/nodefeedparser--tpm-fragment-base.atom.xml',
      undefined,
      0,
      'http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist',
    ],
  ])('%s', (_, file, url, index, expected) => {
    expect(parse(file, url).items[index]?.url).toBe(expected);
  });

  it('relative channel link with no feed URL stays unresolved (null), never a bogus absolute URL', () => {
    expect(parse('feeds/valid/nodefeedparser--rss-relative-urls.xml').siteUrl).toBeNull();
  });
});

describe('parseFeedDocument: fields per format (corpus)', () => {
  it('Atom 1.0: text constructs become strings, dates ISO', () => {
    const doc = parse('feeds/valid/nnw--daringfireball.atom.xml');
    expect(doc).toMatchObject({
      format: 'atom',
      title: 'Daring Fireball',
      siteUrl: 'https://daringfireball.net/',
    });
    expect(doc.items[0]).toMatchObject({
      title: 'The Talk Show: ‘I Do Like Throwing a Baby’',
      url: 'https://daringfireball.net/thetalkshow/2017/06/26/ep-195',
      publishedAt: '2017-06-27T00:54:17.000Z',
      author: 'John Gruber',
    });
  });

  it('Atom 0.3: issued/modified dates', () => {
    const item = parse('feeds/valid/rome--atom03.xml').items[0];
    expect(item).toMatchObject({
      publishedAt: '2000-01-01T01:00:00.000Z',
      updatedAt: '2000-01-01T00:00:00.000Z',
    });
  });

  it('RSS 2.0: categories and language', () => {
    const doc = parse('feeds/valid/nodefeedparser--nytimes-categories.rss.xml');
    expect(doc.language).toBe('en-us');
    expect(doc.items[0]?.categories).toEqual(['Water Pollution', 'Gowanus Canal (Brooklyn, NY)']);
  });

  it.each([
    ['RSS author element', 'feeds/valid/derived--kc0011_utf-8.rss.xml', '大鱼儿'],
    ['dc:creator', 'feeds/valid/rssparser--guardian.rss.xml', 'David Smith in Washington'],
  ])('author from %s', (_, file, author) => {
    expect(parse(file).items[0]?.author).toBe(author);
  });

  it('RSS 1.0 (RDF): Dublin Core date, creator and subject', () => {
    expect(parse('feeds/valid/rome--slashdot.rdf.xml').items[0]).toMatchObject({
      publishedAt: '2005-11-20T00:43:00.000Z',
      author: 'Zonk',
      categories: ['tv'],
    });
  });

  it('RSS 2.0 with non-RFC 822 pubDate "2020/1/10 14:33:00" (kc0011)', () => {
    expect(parse('feeds/valid/nnw--kc0011_gb2312.rss.xml').items[0]?.publishedAt).toBe(
      '2020-01-10T14:33:00.000Z',
    );
  });

  it('JSON Feed 1.0 (version "1.0", not a URL) and 1.1', () => {
    for (const file of ['feeds/valid/gofeed--json-1.0.json', 'feeds/valid/gofeed--json-1.1.json']) {
      const doc = parse(file);
      expect(doc).toMatchObject({ format: 'json', title: 'title', siteUrl: 'https://sample-json-feed.com/' });
      expect(doc.items[0]).toMatchObject({
        guid: 'id',
        url: 'https://sample-json-feed.com/id',
        contentHtml: '<p>content_html</p>',
      });
    }
  });

  it('RSS 0.91 with the Netscape DOCTYPE (no internal subset) is accepted and nothing is fetched', () => {
    expect(parse('feeds/valid/gofeed--rss091-netscape-doctype.xml')).toMatchObject({
      format: 'rss',
      items: [],
    });
  });
});

describe('parseFeedDocument: refusals and errors (inline)', () => {
  it.each([
    [
      'internal subset',
      '<?xml version="1.0"?><!DOCTYPE rss [ <!ENTITY a "b"> ]><rss><channel><item/></channel></rss>',
      FeedRefused,
    ],
    ['external entity', '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>', FeedRefused],
    ['parameter entity', '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1/x">%p;]><rss/>', FeedRefused],
    ['ENTITY in the prolog without a DOCTYPE', '<!ENTITY a "b"><rss/>', FeedRefused],
    [
      'DOCTYPE after a comment that looks like a tag',
      '<!-- <rss> --><!DOCTYPE rss [<!ENTITY a "b">]><rss/>',
      FeedRefused,
    ],
    [
      'DOCTYPE after a fake CDATA opener in a comment',
      '<!-- <![CDATA[ --><!DOCTYPE rss [<!ENTITY a "b">]><rss>]]></rss>',
      FeedRefused,
    ],
    [
      'nesting deeper than the limit',
      `<rss><channel><item><description>${'<x>'.repeat(300)}</description></item></channel></rss>`,
      FeedRefused,
    ],
    ['unknown root', '<note><to>x</to></note>', FeedMalformed],
    ['HTML page', '<!DOCTYPE html><html><head></head></html>', FeedMalformed],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', FeedMalformed],
    ['whitespace only', '  \n ', FeedMalformed],
  ])('%s', (_, text, errorClass) => {
    expect(() => parseFeedDocument(utf8(text), { now })).toThrow(errorClass);
  });

  it('accepts "<!ENTITY" as text inside CDATA after the root element', () => {
    const text =
      '<rss><channel><item><title>DTDs</title><description><![CDATA[Write <!ENTITY a "b"> in a DTD]]></description></item></channel></rss>';
    expect(parseFeedDocument(utf8(text), { now }).items[0]?.summary).toBe('Write <!ENTITY a "b"> in a DTD');
  });

  it('refuses a document over the size limit before decoding it', () => {
    const bytes = utf8(`<rss><channel>${'<item><title>x</title></item>'.repeat(100)}</channel></rss>`);
    expect(() => parseFeedDocument(bytes, { now, maxBytes: 1000 })).toThrow(FeedTooLarge);
    expect(parseFeedDocument(bytes, { now, maxBytes: bytes.byteLength }).items).toHaveLength(100);
  });

  it('refuses gzip bytes (decompression belongs to the fetcher, with its own cap)', () => {
    expect(() => parseFeedDocument(Uint8Array.from([0x1f, 0x8b, 8, 0]), { now })).toThrow(FeedMalformed);
  });

  it('errors carry a kind for platform/http', () => {
    expect(() => parseFeedDocument(utf8('<!DOCTYPE rss [<!ENTITY a "b">]><rss/>'), { now })).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });
});
