import { describe, expect, it } from 'vitest';
import { corpusFile, corpusFiles } from '../../../test/support/corpus.js';
import { OpmlMalformed } from './errors.js';
import { parseOpmlDocument } from './parse.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// The two files the corpus manifest lists as invalid OPML, with what makes each one invalid.
const INVALID: Record<string, RegExp> = {
  'opml/feedvalidator--invalid-characters.opml': /not valid UTF-8/,
  'opml/feedvalidator--missing-body.opml': /no <body>/,
};

/**
 * Distinct http(s) xmlUrl attribute values in the raw text, read with a regular expression rather
 * than feedsmith; URLs are compared as the WHATWG parser serialises them, as the importer does.
 */
function feedUrlsIndependently(bytes: Buffer): Set<string> {
  const raw = bytes.toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  const urls = [...raw.matchAll(/\bxmlUrl\s*=\s*(?:"([^"]*)"|'([^']*)')/g)]
    .map((m) => (m[1] ?? m[2] ?? '').replaceAll('&amp;', '&').trim())
    .filter((url) => /^https?:\/\//i.test(url));
  return new Set(urls.map((url) => new URL(url).href));
}

describe('opml corpus: every valid list yields every distinct feed, titles decoded', () => {
  const valid = corpusFiles('opml').filter((file) => !(file in INVALID));

  it('holds the five valid lists the manifest describes', () => {
    expect(valid).toHaveLength(5);
  });

  for (const file of valid) {
    it(file, () => {
      const bytes = corpusFile(file);
      const list = parseOpmlDocument(bytes);
      const expected = feedUrlsIndependently(bytes);
      expect(expected.size).toBeGreaterThan(0);
      expect(new Set(list.feeds.map((feed) => feed.feedUrl))).toEqual(expected);
      expect(list.feeds).toHaveLength(expected.size);
      for (const feed of list.feeds) {
        expect(feed.title, feed.feedUrl).not.toBeNull();
        expect(JSON.stringify(feed)).not.toMatch(/\uFFFD/);
        expect(JSON.stringify(feed)).not.toMatch(LONE_SURROGATE);
        if (feed.siteUrl !== null) expect(feed.siteUrl).toMatch(/^https?:\/\//);
      }
    });
  }
});

describe('opml corpus: invalid lists give a typed, explained error', () => {
  for (const [file, message] of Object.entries(INVALID)) {
    it(file, () => {
      const run = () => parseOpmlDocument(corpusFile(file));
      expect(run).toThrow(OpmlMalformed);
      expect(run).toThrow(message);
      try {
        run();
      } catch (error) {
        expect((error as OpmlMalformed).kind).toBe('malformed');
      }
    });
  }
});

describe('opml corpus: particular lists', () => {
  it('windows-1251: Cyrillic head title, folder and feed titles', () => {
    const list = parseOpmlDocument(corpusFile('opml/yarr--windows-1251.opml'));
    expect(list.title).toBe('Заголовок');
    expect(list.feeds).toEqual([
      {
        feedUrl: 'https://foo.com/feed.xml',
        siteUrl: 'https://foo.com/',
        title: 'пример2',
        folder: ['папка'],
      },
      { feedUrl: 'https://baz.com/feed.xml', siteUrl: 'https://baz.com/', title: 'пример1', folder: [] },
    ]);
  });

  it('Google Reader export: every feed keeps its folder; &amp; in URLs decoded; accents intact', () => {
    const list = parseOpmlDocument(corpusFile('opml/picofeed--google-reader.opml'));
    expect(list.title).toBe('Abonnements dans Google Reader');
    const folders = new Map<string, number>();
    for (const feed of list.feeds)
      folders.set(feed.folder.join('/'), (folders.get(feed.folder.join('/')) ?? 0) + 1);
    expect(Object.fromEntries(folders)).toEqual({
      Presse: 1,
      Culture: 4,
      'Droits du net': 1,
      Bloggers: 6,
      Tech: 1,
      Officiel: 4,
      Code: 5,
    });
    expect(list.feeds.find((f) => f.title === 'Science étonnante')?.folder).toEqual(['Culture']);
    expect(list.feeds.find((f) => f.title === 'Pourquoi Comment Combien')?.feedUrl).toBe(
      'http://viewtext.org/article?url=http%3A%2F%2Ffeeds.feedburner.com%2Fdrgoulu&rl=false',
    );
  });

  it('NetNewsWire export: top-level feeds and four folders; a URL differing by "/" is one feed', () => {
    const list = parseOpmlDocument(corpusFile('opml/nnw--subs.opml'));
    const folders = new Set(list.feeds.map((feed) => feed.folder.join('/')));
    expect(folders).toEqual(new Set(['', 'Programming', 'Macintosh', 'Weblogs', 'Writers']));
    expect(list.feeds.find((f) => f.title === 'chat & code')?.folder).toEqual([]);
    expect(list.skipped).toEqual([
      { reason: 'duplicate feed URL', text: 'Katie Floyd', url: 'http://feed.katiefloyd.com/' },
    ]);
  });

  it('no title= attributes: titles fall back to text=, and match the list that has both', () => {
    const withTitles = parseOpmlDocument(corpusFile('opml/nnw--subs.opml'));
    const withoutTitles = parseOpmlDocument(corpusFile('opml/nnw--subs-no-title-attributes.opml'));
    const raw = corpusFile('opml/nnw--subs-no-title-attributes.opml').toString('utf8');
    expect(raw).not.toMatch(/<outline[^>]*\stitle=/);
    expect(withoutTitles.feeds.length).toBe(withTitles.feeds.length);
    const titleOf = new Map(withTitles.feeds.map((f) => [f.feedUrl, f.title]));
    for (const feed of withoutTitles.feeds) expect(feed.title).toBe(titleOf.get(feed.feedUrl));
    expect(withoutTitles.feeds.map((f) => f.folder)).toEqual(withTitles.feeds.map((f) => f.folder));
  });
});
