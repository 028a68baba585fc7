import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { discoverFeeds } from './discover.js';
import { PageTooLarge } from './errors.js';

const encode = (html: string) => new TextEncoder().encode(html);
const discover = (head: string, url = 'https://news.example/section/page.html') =>
  discoverFeeds(encode(`<html><head>${head}</head><body><p>x</p></body></html>`), { url });

describe('discoverFeeds over the corpus home pages', () => {
  it('feed-io discovery.html: the two Atom links, not the hreflang alternate or the stylesheet', () => {
    const raw = corpusFile('pages/discovery/feedio--discovery.html');
    expect(discoverFeeds(raw, { url: 'https://example.org/' })).toEqual([
      { url: 'http://example.org/feed.xml', format: 'atom', title: 'Main feed' },
      { url: 'http://example.org/comments.xml', format: 'atom', title: 'Comments feed' },
    ]);
  });

  it.each(['https', 'http'])('feed-io protocol-relative hrefs take the page protocol (%s)', (protocol) => {
    const raw = corpusFile('pages/discovery/feedio--discovery-dualprotocol.html');
    expect(discoverFeeds(raw, { url: `${protocol}://example.org/blog/` })).toEqual([
      { url: `${protocol}://example.org/feed.xml`, format: 'atom', title: 'Main feed' },
      { url: `${protocol}://example.org/comments.xml`, format: 'atom', title: 'Comments feed' },
    ]);
  });

  it('Daring Fireball: its one root-relative Atom link', () => {
    const raw = corpusFile('pages/discovery/nnw--daringfireball.html');
    expect(discoverFeeds(raw, { url: 'https://daringfireball.net/2017/10/' })).toEqual([
      { url: 'https://daringfireball.net/feeds/main', format: 'atom', title: null },
    ]);
  });

  it('the ISO-8859-1 page announces no feed', () => {
    const raw = corpusFile('pages/discovery/miniflux--iso-8859-1-meta-after-1024.html');
    expect(discoverFeeds(raw, { url: 'https://example.org/' })).toEqual([]);
  });
});

describe('discoverFeeds, inline cases', () => {
  it.each([
    ['application/rss+xml', 'rss'],
    ['application/atom+xml', 'atom'],
    ['application/feed+json', 'json'],
    ['application/json', 'json'],
    ['application/rdf+xml', 'rdf'],
    ['text/xml', 'unknown'],
    ['Application/RSS+XML; charset=utf-8', 'rss'],
  ])('type %s is format %s', (type, format) => {
    expect(discover(`<link rel="alternate" type="${type}" href="/feed">`)).toEqual([
      { url: 'https://news.example/feed', format, title: null },
    ]);
  });

  it.each([
    [
      'rel is a case-insensitive token list',
      '<link rel="Feed ALTERNATE" type="application/rss+xml" href="a">',
      1,
    ],
    ['"alternative" is not "alternate"', '<link rel="alternative" type="application/rss+xml" href="a">', 0],
    ['a language alternate has no feed type', '<link rel="alternate" hreflang="fr" href="/fr/">', 0],
    [
      'an alternate stylesheet is not a feed',
      '<link rel="alternate stylesheet" type="text/css" href="a.css">',
      0,
    ],
    ['an empty href is no feed', '<link rel="alternate" type="application/rss+xml" href="  ">', 0],
    [
      'javascript: is no feed',
      '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">',
      0,
    ],
    [
      "WordPress's REST API alternate is not a JSON Feed",
      '<link rel="alternate" type="application/json" href="https://news.example/wp-json/wp/v2/posts/7">',
      0,
    ],
  ])('%s', (_, head, count) => {
    expect(discover(head)).toHaveLength(count);
  });

  it('resolves against a relative <base href>, even for links before it, and de-duplicates', () => {
    const head = [
      '<link rel="alternate" type="application/rss+xml" href="feed.xml" title=" All  stories ">',
      '<base href="/blog/">',
      '<base href="/ignored/">',
      '<link rel="alternate" type="application/atom+xml" href="https://news.example/blog/feed.xml">',
      '<link rel="alternate" type="application/atom+xml" href="//news.example/blog/atom.xml">',
    ].join('');
    expect(discover(head)).toEqual([
      { url: 'https://news.example/blog/feed.xml', format: 'rss', title: 'All stories' },
      { url: 'https://news.example/blog/atom.xml', format: 'atom', title: null },
    ]);
  });

  it('keeps the links of <head> when the body nests too deep to read', () => {
    const html = `<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>${'<div>'.repeat(10_000)}</body></html>`;
    expect(discoverFeeds(encode(html), { url: 'https://news.example/' })).toEqual([
      { url: 'https://news.example/rss', format: 'rss', title: null },
    ]);
  });

  it('decodes a legacy charset before reading titles', () => {
    const bytes = Uint8Array.from([
      ...encode(
        '<meta charset="iso-8859-1"><link rel="alternate" type="application/rss+xml" href="/rss" title="Caf',
      ),
      0xe9,
      ...encode('">'),
    ]);
    expect(discoverFeeds(bytes, { url: 'https://news.example/' })[0]?.title).toBe('Café');
  });

  it('refuses a page over maxBytes', () => {
    expect(() =>
      discoverFeeds(encode('<html></html>'), { url: 'https://news.example/', maxBytes: 4 }),
    ).toThrow(PageTooLarge);
  });
});
