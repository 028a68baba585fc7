import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type FeedInput, type FeedItemInput, renderAtom, renderJsonFeed, renderRss } from './feeds.js';
import { escapeXml } from './xml.js';

const XSS = '</title><script>alert(1)</script> ]]> & <![CDATA[';

function buildItem(overrides: Partial<FeedItemInput> = {}): FeedItemInput {
  return {
    id: 'https://velocity.example/zh/ai-models/nvidia-amd',
    url: 'https://velocity.example/zh/ai-models/nvidia-amd',
    title: '英伟达与AMD的GPU之争',
    summary: '两家公司在数据中心市场正面交锋。',
    contentHtml:
      '<h2>背景</h2><p>详见 <a href="/en/gpus">GPU</a> 与 <a href="https://other.example/x">来源</a>。</p>',
    publishedAt: '2025-03-01T08:00:00Z',
    updatedAt: '2025-03-02T09:30:00Z',
    authorName: '李华',
    categories: ['AI模型', 'Nvidia', 'AMD'],
    image: { url: 'https://velocity.example/media/gpu.jpg', type: 'image/jpeg', width: 1200, height: 630 },
    language: 'zh-Hans',
    ...overrides,
  };
}

function buildFeed(overrides: Partial<FeedInput> = {}): FeedInput {
  return {
    id: 'https://velocity.example/zh/ai-models',
    title: 'Code Velocity · AI模型',
    description: '最新的AI模型新闻',
    language: 'zh-Hans',
    siteUrl: 'https://velocity.example',
    feedUrls: {
      rss: 'https://velocity.example/zh/ai-models/rss.xml?utm=a&x=b',
      atom: 'https://velocity.example/zh/ai-models/atom.xml',
      json: 'https://velocity.example/zh/ai-models/feed.json',
    },
    updated: '2025-03-02T09:30:00Z',
    copyright: '© 2025 Code Velocity',
    items: [
      buildItem(),
      buildItem({
        id: 'tag:velocity.example,2025:story-2',
        url: 'https://velocity.example/zh/ai-models/second',
        title: '第二篇',
        authorName: 'Ada',
        image: undefined,
        publishedAt: '2025-02-28T00:00:00Z',
        updatedAt: '2025-02-28T00:00:00Z',
      }),
    ],
    ...overrides,
  };
}

const hostile = () =>
  buildFeed({
    title: XSS,
    items: [buildItem({ title: XSS, summary: XSS, contentHtml: `<p>${XSS}</p>`, categories: [XSS] })],
  });

const fxp = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});

function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return fxp.parse(xml);
}

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('escapeXml', () => {
  it.each([
    ['markup', '<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&apos;'],
    ['CDATA terminator', ']]>', ']]&gt;'],
    ['C0 controls except tab, LF, CR', 'a\u0000b\u0001c\td\ne\rf\u001f', 'abc\td\ne\rf'],
    ['C1 controls, U+FFFE, U+FFFF', 'a\u0085b\uFFFEc\uFFFF', 'abc'],
    ['lone surrogate, kept pair', 'x\uD800y😀', 'xy😀'],
    ['Chinese untouched', '英伟达 AI模型', '英伟达 AI模型'],
  ])('%s', (_, input, expected) => expect(escapeXml(input)).toBe(expected));
});

describe('renderRss', () => {
  it('writes channel and items that feedsmith reads back', () => {
    const xml = renderRss(buildFeed());
    const rss = parseRssFeed(xml);
    expect(rss.title).toBe('Code Velocity · AI模型');
    expect(rss.link).toBe('https://velocity.example/zh/ai-models');
    expect(rss.language).toBe('zh-Hans');
    expect(rss.copyright).toBe('© 2025 Code Velocity');
    expect(rss.lastBuildDate).toBe('Sun, 02 Mar 2025 09:30:00 GMT');
    expect(rss.atom?.links?.[0]).toMatchObject({
      href: 'https://velocity.example/zh/ai-models/rss.xml?utm=a&x=b',
      rel: 'self',
      type: 'application/rss+xml',
    });
    expect(rss.items).toHaveLength(2);

    const [first, second] = rss.items ?? [];
    expect(first?.title).toBe('英伟达与AMD的GPU之争');
    expect(first?.link).toBe('https://velocity.example/zh/ai-models/nvidia-amd');
    expect(first?.guid).toEqual({
      value: 'https://velocity.example/zh/ai-models/nvidia-amd',
      isPermaLink: true,
    });
    expect(first?.description).toBe('两家公司在数据中心市场正面交锋。');
    expect(first?.pubDate).toBe('Sat, 01 Mar 2025 08:00:00 GMT');
    expect(first?.dc?.creators).toEqual(['李华']);
    expect(first?.dc?.languages).toEqual(['zh-Hans']);
    expect(first?.categories?.map((c) => c.name)).toEqual(['AI模型', 'Nvidia', 'AMD']);
    expect(first?.media?.contents?.[0]).toMatchObject({
      url: 'https://velocity.example/media/gpu.jpg',
      type: 'image/jpeg',
      width: 1200,
      height: 630,
    });
    expect(second?.guid).toEqual({ value: 'tag:velocity.example,2025:story-2', isPermaLink: false });
    expect(second?.media).toBeUndefined();
  });

  it('makes root-relative links in the body absolute and keeps others', () => {
    const encoded = parseRssFeed(renderRss(buildFeed())).items?.[0]?.content?.encoded;
    expect(encoded).toContain('<a href="https://velocity.example/en/gpus">GPU</a>');
    expect(encoded).toContain('<a href="https://other.example/x">');
    expect(encoded).toContain('<h2>背景</h2>');
  });

  it('is well-formed RSS 2.0 with its namespaces and RFC 822 dates (fast-xml-parser)', () => {
    const { rss } = parseXml(renderRss(buildFeed()));
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    expect(rss.channel.description).toBe('最新的AI模型新闻');
    expect(rss.channel.lastBuildDate).toMatch(RFC_822);
    for (const item of rss.channel.item) {
      expect(item.guid['#text']).toBeTruthy();
      expect(item.pubDate).toMatch(RFC_822);
    }
  });
});

describe('renderAtom', () => {
  it('writes feed and entries that feedsmith reads back', () => {
    const atom = parseAtomFeed(renderAtom(buildFeed()));
    expect(atom.id).toBe('https://velocity.example/zh/ai-models');
    expect(atom.title).toEqual({ value: 'Code Velocity · AI模型', type: 'text' });
    expect(atom.updated).toBe('2025-03-02T09:30:00.000Z');
    expect(atom.xml?.lang).toBe('zh-Hans');
    expect(atom.links).toEqual([
      { rel: 'alternate', type: 'text/html', href: 'https://velocity.example/zh/ai-models' },
      { rel: 'self', type: 'application/atom+xml', href: 'https://velocity.example/zh/ai-models/atom.xml' },
    ]);
    // Every entry has an author, so the feed needs none (RFC 4287 §4.1.1).
    expect(atom.authors).toBeUndefined();
    expect(atom.entries).toHaveLength(2);

    const entry = atom.entries?.[0];
    expect(entry?.id).toBe('https://velocity.example/zh/ai-models/nvidia-amd');
    expect(entry?.title?.value).toBe('英伟达与AMD的GPU之争');
    expect(entry?.published).toBe('2025-03-01T08:00:00.000Z');
    expect(entry?.updated).toBe('2025-03-02T09:30:00.000Z');
    expect(entry?.summary).toEqual({ value: '两家公司在数据中心市场正面交锋。', type: 'text' });
    expect(entry?.content?.type).toBe('html');
    expect(entry?.content?.value).toContain('href="https://velocity.example/en/gpus"');
    expect(entry?.authors).toEqual([{ name: '李华' }]);
    expect(entry?.categories?.map((c) => c.term)).toEqual(['AI模型', 'Nvidia', 'AMD']);
    expect(entry?.links).toContainEqual({
      rel: 'enclosure',
      type: 'image/jpeg',
      href: 'https://velocity.example/media/gpu.jpg',
    });
  });

  it('names the feed as author when an entry has none', () => {
    const feed = buildFeed({ items: [buildItem({ authorName: '  ' })] });
    const atom = parseAtomFeed(renderAtom(feed));
    expect(atom.authors).toEqual([{ name: 'Code Velocity · AI模型' }]);
    expect(atom.entries?.[0]?.authors).toBeUndefined();
  });

  it('is well-formed with the Atom namespace (fast-xml-parser)', () => {
    const { feed } = parseXml(renderAtom(buildFeed()));
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.entry).toHaveLength(2);
    expect(feed.entry[1]['@_xml:lang']).toBe('zh-Hans');
  });
});

describe('renderJsonFeed', () => {
  it('writes JSON Feed 1.1 that feedsmith reads back', () => {
    const text = renderJsonFeed(buildFeed());
    expect(JSON.parse(text).version).toBe('https://jsonfeed.org/version/1.1');
    const json = parseJsonFeed(text);
    expect(json).toMatchObject({
      title: 'Code Velocity · AI模型',
      home_page_url: 'https://velocity.example/zh/ai-models',
      feed_url: 'https://velocity.example/zh/ai-models/feed.json',
      language: 'zh-Hans',
    });
    expect(json.items).toHaveLength(2);
    expect(json.items?.[0]).toEqual({
      id: 'https://velocity.example/zh/ai-models/nvidia-amd',
      url: 'https://velocity.example/zh/ai-models/nvidia-amd',
      title: '英伟达与AMD的GPU之争',
      summary: '两家公司在数据中心市场正面交锋。',
      content_html: expect.stringContaining('href="https://velocity.example/en/gpus"'),
      date_published: '2025-03-01T08:00:00.000Z',
      date_modified: '2025-03-02T09:30:00.000Z',
      authors: [{ name: '李华' }],
      tags: ['AI模型', 'Nvidia', 'AMD'],
      image: 'https://velocity.example/media/gpu.jpg',
      language: 'zh-Hans',
    });
    expect(json.items?.[1]?.image).toBeUndefined();
  });
});

describe('hostile and edge input', () => {
  it('keeps XSS payloads as text in RSS', () => {
    const rss = parseRssFeed(renderRss(hostile()));
    expect(parseXml(renderRss(hostile())).rss.channel.item).toHaveLength(1);
    expect(rss.title).toBe(XSS);
    expect(rss.items?.[0]?.title).toBe(XSS);
    // The description is HTML to readers: the summary arrives as escaped markup, shown as text.
    expect(rss.items?.[0]?.description).toBe(
      XSS.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
    );
    expect(rss.items?.[0]?.content?.encoded).toBe(`<p>${XSS}</p>`);
    expect(rss.items?.[0]?.categories?.[0]?.name).toBe(XSS);
  });

  // Issue 11: a summary about markup was sent raw in <description>, which readers render as HTML.
  it('gives RSS descriptions that a reader shows as the summary text, markup and all', () => {
    const summary = 'Use <script> tags & <b>bold</b> "quotes"';
    const xml = renderRss(
      buildFeed({ description: 'Feeds <about> & HTML', items: [buildItem({ summary })] }),
    );
    const channel = parseXml(xml).rss.channel;
    // What a reader does with <description>: parse it as HTML and show the result.
    const shown = (html: string) => {
      const { document } = parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`);
      const div = document.querySelector('div');
      expect(div?.querySelectorAll('*')).toHaveLength(0);
      return div?.textContent;
    };
    expect(shown(String(channel.item[0].description))).toBe(summary);
    expect(shown(String(channel.description))).toBe('Feeds <about> & HTML');
    // Atom says its type; JSON Feed's summary is plain text by definition: both carry the text.
    expect(
      parseAtomFeed(renderAtom(buildFeed({ items: [buildItem({ summary })] }))).entries?.[0]?.summary,
    ).toEqual({ value: summary, type: 'text' });
    expect(
      parseJsonFeed(renderJsonFeed(buildFeed({ items: [buildItem({ summary })] }))).items?.[0]?.summary,
    ).toBe(summary);
  });

  it('keeps XSS payloads as text in Atom', () => {
    const xml = renderAtom(hostile());
    expect(parseXml(xml).feed.entry).toHaveLength(1);
    const entry = parseAtomFeed(xml).entries?.[0];
    expect(entry?.title?.value).toBe(XSS);
    expect(entry?.content?.value).toBe(`<p>${XSS}</p>`);
    expect(entry?.categories?.[0]?.term).toBe(XSS);
  });

  it('keeps XSS payloads as text in JSON Feed', () => {
    const item = parseJsonFeed(renderJsonFeed(hostile())).items?.[0];
    expect(item?.title).toBe(XSS);
    expect(item?.content_html).toBe(`<p>${XSS}</p>`);
  });

  it('drops characters XML 1.0 forbids instead of breaking the document', () => {
    const feed = buildFeed({
      items: [buildItem({ title: 'GPU\u0000\u0008\u001b 对比\uDC00', categories: ['A\u0007I'] })],
    });
    for (const xml of [renderRss(feed), renderAtom(feed)]) expect(XMLValidator.validate(xml)).toBe(true);
    expect(parseRssFeed(renderRss(feed)).items?.[0]?.title).toBe('GPU 对比');
    expect(parseAtomFeed(renderAtom(feed)).entries?.[0]?.categories?.[0]?.term).toBe('AI');
  });

  it('renders an empty feed that still parses and stays valid', () => {
    const feed = buildFeed({ items: [] });
    expect(parseXml(renderRss(feed)).rss.channel.title).toBe('Code Velocity · AI模型');
    expect(parseRssFeed(renderRss(feed)).items ?? []).toHaveLength(0);
    const atom = parseAtomFeed(renderAtom(feed));
    expect(atom.entries ?? []).toHaveLength(0);
    expect(atom.authors).toEqual([{ name: 'Code Velocity · AI模型' }]);
    expect(JSON.parse(renderJsonFeed(feed)).items).toEqual([]);
  });

  it('refuses a date it cannot read', () => {
    const feed = buildFeed({ items: [buildItem({ publishedAt: 'yesterday' })] });
    expect(() => renderRss(feed)).toThrow(RangeError);
    expect(() => renderAtom(feed)).toThrow(RangeError);
    expect(() => renderJsonFeed(feed)).toThrow(RangeError);
  });
});
