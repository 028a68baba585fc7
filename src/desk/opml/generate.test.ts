import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { generateOpmlDocument, type OpmlFeedInput } from './generate.js';
import { parseOpmlDocument } from './parse.js';
import { singleLine } from './text.js';

const now = new Date('2026-03-04T05:06:07Z');
const roundTrip = (xml: string) => parseOpmlDocument(new TextEncoder().encode(xml));

const FEEDS: OpmlFeedInput[] = [
  {
    feedUrl: 'https://ai.example/feed',
    siteUrl: 'https://ai.example/',
    title: "AI <&\"> 'news'",
    folder: ['Tech', 'AI'],
  },
  { feedUrl: 'https://zh.example/rss?a=1&b=2', siteUrl: null, title: '中文科技新闻', folder: ['Tech'] },
  { feedUrl: 'https://root.example/feed', title: 'Рус', folder: [] },
  { feedUrl: 'https://ml.example/atom', siteUrl: 'https://ml.example/', title: 'ML', folder: ['Tech', 'AI'] },
  { feedUrl: 'https://untitled.example/feed' },
];

describe('generateOpmlDocument', () => {
  const xml = generateOpmlDocument({ title: 'Desk <&"> 源', feeds: FEEDS, now });

  it('is well-formed OPML 2.0 (fast-xml-parser validator), UTF-8, with an RFC 822 dateCreated', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain('<dateCreated>Wed, 04 Mar 2026 05:06:07 GMT</dateCreated>');
    expect(xml).toContain('<title>Desk &lt;&amp;&quot;&gt; 源</title>');
  });

  it('escapes markup characters in attributes; no CDATA anywhere', () => {
    expect(xml).toContain('title="AI &lt;&amp;&quot;&gt; &apos;news&apos;"');
    expect(xml).toContain('xmlUrl="https://zh.example/rss?a=1&amp;b=2"');
    expect(xml).not.toContain('CDATA');
  });

  it('writes folders once, as nested outlines in first-seen order, with type="rss" feeds inside', () => {
    const lines = xml.split('\n').map((line) => line.trim());
    const start = lines.indexOf('<outline text="Tech" title="Tech">');
    expect(start).toBeGreaterThan(-1);
    expect(lines.filter((line) => line.startsWith('<outline text="Tech"'))).toHaveLength(1);
    expect(lines[start + 1]).toBe('<outline text="AI" title="AI">');
    expect(lines[start + 2]).toMatch(/^<outline type="rss" text="AI &lt;/);
    expect(lines[start + 3]).toMatch(/xmlUrl="https:\/\/ml\.example\/atom"/);
    expect(lines[start + 4]).toBe('</outline>');
    expect(lines[start + 5]).toMatch(/xmlUrl="https:\/\/zh\.example/);
  });

  it('round-trips: parse gives back the same feeds, titles and folders', () => {
    const list = roundTrip(xml);
    expect(list.title).toBe('Desk <&"> 源');
    expect(list.skipped).toEqual([]);
    const byUrl = new Map(list.feeds.map((feed) => [feed.feedUrl, feed]));
    for (const feed of FEEDS) {
      expect(byUrl.get(feed.feedUrl)).toEqual({
        feedUrl: feed.feedUrl,
        siteUrl: feed.siteUrl ?? null,
        title: feed.title ?? null,
        folder: feed.folder ?? [],
      });
    }
    expect(list.feeds).toHaveLength(FEEDS.length);
  });

  it('a feed with no title gets its URL as the required text=, and parses back untitled', () => {
    expect(xml).toContain('<outline type="rss" text="https://untitled.example/feed" xmlUrl=');
    expect(roundTrip(xml).feeds.find((f) => f.feedUrl === 'https://untitled.example/feed')?.title).toBeNull();
  });

  it('controls and line breaks in titles become spaces; characters XML cannot carry are dropped', () => {
    const out = generateOpmlDocument({
      title: 'a\u0000b',
      now,
      feeds: [
        {
          feedUrl: 'https://x.example/',
          title: 'one\ntwo\t\u0001three \uD800\uFFFF',
          folder: [' ', 'F\r\nG'],
        },
      ],
    });
    expect(XMLValidator.validate(out)).toBe(true);
    const list = roundTrip(out);
    expect(list.title).toBe('a b');
    expect(list.feeds).toEqual([
      { feedUrl: 'https://x.example/', siteUrl: null, title: 'one two three', folder: ['F G'] },
    ]);
  });

  it('an empty list is still a valid document with a body', () => {
    const out = generateOpmlDocument({ title: 'Empty', feeds: [], now });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(roundTrip(out)).toEqual({ title: 'Empty', feeds: [], skipped: [] });
  });

  it('refuses an invalid date rather than writing "Invalid Date"', () => {
    expect(() => generateOpmlDocument({ title: 'x', feeds: [], now: new Date(Number.NaN) })).toThrow(
      RangeError,
    );
  });

  it('a corpus list survives parse → generate → parse unchanged', () => {
    const original = parseOpmlDocument(corpusFile('opml/picofeed--google-reader.opml'));
    const again = roundTrip(
      generateOpmlDocument({ title: original.title ?? '', feeds: original.feeds, now }),
    );
    expect(again.feeds).toEqual(original.feeds);
    expect(again.title).toBe(original.title);
  });

  it.each([
    'a <!-- x --> b',
    'x ]]> y',
    'literal &amp; stays literal',
    '<![CDATA[y]]> z',
    '&#10; &lt; &nbsp;',
    'a&b;c',
  ])('markup-looking text round-trips as text: %s', (text) => {
    const out = generateOpmlDocument({
      title: text,
      now,
      feeds: [{ feedUrl: 'https://a.example/', title: text, folder: [text] }],
    });
    const list = roundTrip(out);
    expect([list.title, list.feeds[0]?.title, list.feeds[0]?.folder]).toEqual([text, text, [text]]);
  });

  it('property: any title and folder names round-trip as their single-line form', () => {
    const name = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 3 }), (title, folder) => {
        const out = generateOpmlDocument({
          title,
          now,
          feeds: [{ feedUrl: 'https://p.example/', title, folder }],
        });
        expect(XMLValidator.validate(out)).toBe(true);
        const list = roundTrip(out);
        expect(list.title).toBe(singleLine(title));
        expect(list.feeds[0]?.title).toBe(singleLine(title));
        expect(list.feeds[0]?.folder).toEqual(folder.map(singleLine).filter((f) => f !== null));
      }),
      { numRuns: 300 },
    );
  });
});
