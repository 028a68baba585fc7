import { describe, expect, it } from 'vitest';
import { corpusFile, corpusFiles } from '../../../test/support/corpus.js';
import { extractArticle, MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_RUNS } from './article.js';
import { InvalidPageUrl, PageRefused, PageTooLarge } from './errors.js';
import { sanitizeWithLinks } from './sanitize.js';
import { textOfSanitizedHtml } from './text.js';

/** The URL Readability's own test suite gives every page; expected.html was made with it. */
const PAGE_URL = 'http://fakehost/test/page.html';

/**
 * Real extraction reproduces Readability-over-jsdom's text exactly on all 18 cases (Dice 1.000);
 * another page's article scores at most 0.56 and half the right article about 0.67, so 0.9 keeps a
 * margin for harmless drift while failing a wrong extraction.
 */
const MIN_SIMILARITY = 0.9;

type ExpectedMetadata = {
  title: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  lang?: string;
  dir: string | null;
  publishedTime: string | null;
};

/**
 * Dice coefficient over character bigrams (as multisets) with whitespace removed: one measure for
 * every script, since Chinese and Japanese have no spaces to split words on.
 */
function similarity(a: string, b: string): number {
  const bigrams = (text: string) => {
    const chars = [...text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')];
    const counts = new Map<string, number>();
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = `${chars[i]}${chars[i + 1]}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
    return { counts, total: Math.max(0, chars.length - 1) };
  };
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  for (const [bigram, count] of left.counts) shared += Math.min(count, right.counts.get(bigram) ?? 0);
  return left.total + right.total === 0 ? 1 : (2 * shared) / (left.total + right.total);
}

const normalised = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || null;

const CASES = corpusFiles('pages/readability')
  .filter((file) => file.endsWith('source.html'))
  .map((file) => file.split(/[\\/]/).at(-2) as string);

function expectedOf(name: string) {
  const folder = `pages/readability/${name}`;
  const metadata = JSON.parse(
    corpusFile(`${folder}/expected-metadata.json`).toString('utf8'),
  ) as ExpectedMetadata;
  const expectedHtml = corpusFile(`${folder}/expected.html`).toString('utf8');
  const text = textOfSanitizedHtml(sanitizeWithLinks(expectedHtml, new URL(PAGE_URL)).html);
  return { metadata, expectedHtml, text };
}

function extractCase(file: string) {
  const article = extractArticle(corpusFile(file), { url: PAGE_URL });
  if (!article) throw new Error(`No article in ${file}`);
  return article;
}

const hrefsAndSources = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

describe('extractArticle over the Readability test pages', () => {
  it('finds all 18 cases', () => {
    expect(CASES).toHaveLength(18);
  });

  it.each(CASES)('%s: metadata as Readability over jsdom found it', (name) => {
    const { metadata } = expectedOf(name);
    const article = extractCase(`pages/readability/${name}/source.html`);
    expect(normalised(article.title)).toBe(normalised(metadata.title));
    if (metadata.byline) expect(article.byline).toBe(normalised(metadata.byline));
    expect(article.excerpt).toBe(normalised(metadata.excerpt));
    expect(article.siteName).toBe(normalised(metadata.siteName));
    expect(article.lang).toBe(metadata.lang ?? null);
    expect(article.dir).toBe(metadata.dir);
    expect(article.publishedTime).toBe(metadata.publishedTime);
  });

  it.each(CASES)('%s: text similar to expected.html, sanitized, links absolute', (name) => {
    const { text } = expectedOf(name);
    const article = extractCase(`pages/readability/${name}/source.html`);
    expect(similarity(article.text, text)).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(article.text).not.toMatch(/\n{3,}|[ \t]{2,}/);
    expect(article.contentHtml).not.toMatch(
      /<(script|style|iframe|form|input|object|svg)\b|\son\w+=|javascript:/i,
    );
    for (const url of hrefsAndSources(article.contentHtml)) expect(url).toMatch(/^(https?|mailto):/);
    expect(new Set(article.links).size).toBe(article.links.length);
    for (const link of article.links) expect(link).toMatch(/^https?:\/\/[^#]*$/);
  });

  it('the similarity measure fails a wrong extraction', () => {
    const texts = CASES.map((name) => expectedOf(name).text);
    texts.forEach((text, i) => {
      const other = texts[(i + 1) % texts.length] as string;
      expect(similarity(other, text)).toBeLessThan(MIN_SIMILARITY);
      expect(similarity(text.slice(0, text.length / 2), text)).toBeLessThan(MIN_SIMILARITY);
    });
  });

  it('resolves links and images against a relative <base href> (base-url-base-element-relative)', () => {
    const { expectedHtml } = expectedOf('base-url-base-element-relative');
    const article = extractCase('pages/readability/base-url-base-element-relative/source.html');
    expect(hrefsAndSources(article.contentHtml)).toEqual(hrefsAndSources(expectedHtml));
    expect(article.links).toEqual([
      'http://fakehost/test/base/foo/bar/baz.html',
      'http://fakehost/foo/bar/baz.html',
      'http://fakehost/test/base/',
      'http://fakehost/test/base/baz.html',
      'http://test/foo/bar/baz.html',
      'https://test/foo/bar/baz.html',
    ]);
  });
});

describe('extractArticle over the re-encoded pages', () => {
  it.each([
    ['qq_gb2312.html', 'qq'],
    ['pixnet_big5.html', 'pixnet'],
    ['yahoo-4_shift_jis.html', 'yahoo-4'],
  ])('%s gives the same article as its UTF-8 original', (file, name) => {
    const { metadata, text } = expectedOf(name);
    const article = extractCase(`pages/legacy-encodings/${file}`);
    expect(normalised(article.title)).toBe(normalised(metadata.title));
    expect(`${article.title}${article.text}${article.excerpt}`).not.toContain('\uFFFD');
    expect(similarity(article.text, text)).toBeGreaterThanOrEqual(MIN_SIMILARITY);
  });
});

describe('extractArticle, refusals and repairs', () => {
  const encode = (html: string) => new TextEncoder().encode(html);
  const paragraph = `<p>${'Plenty of ordinary words in a paragraph of this article. '.repeat(12)}</p>`;
  const extract = (html: string) => extractArticle(encode(html), { url: 'https://news.example/a/1' });

  it('refuses a page over maxBytes before decoding it', () => {
    const error = (() => {
      try {
        extractArticle(encode(paragraph), { url: PAGE_URL, maxBytes: 100 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PageTooLarge);
    expect(error).toMatchObject({ kind: 'too-large', details: { maxBytes: 100 } });
  });

  it.each(['not a url', 'ftp://files.example/a', '/relative/path'])('refuses the page URL %j', (url) => {
    expect(() => extractArticle(encode(paragraph), { url })).toThrow(InvalidPageUrl);
  });

  it.each([
    ['300 unclosed <div>s', `<html><body>${'<div>'.repeat(300)}${paragraph}</body></html>`],
    ['50,000 nested <x>s', '<x>'.repeat(50_000)],
    [
      'more elements than MAX_PAGE_ELEMENTS',
      `<html><body>${'<p>x</p>'.repeat(MAX_PAGE_ELEMENTS + 1)}</body></html>`,
    ],
    [
      'more text runs than MAX_PAGE_TEXT_RUNS',
      `<html><body><p>${'&amp;'.repeat(MAX_PAGE_TEXT_RUNS + 1)}</p></body></html>`,
    ],
    [
      'stacks 200 deep past the squared-depth budget',
      `<html><body>${`${'<div>'.repeat(200)}<p>w</p>${'</div>'.repeat(200)}`.repeat(6)}</body></html>`,
    ],
  ])('refuses %s with PageRefused', (_, html) => {
    expect(() => extract(html)).toThrow(PageRefused);
  });

  it('reads the hostile deep-nesting feed as a page without crashing', () => {
    const raw = corpusFile('feeds/hostile/written--deep-nesting.rss.xml');
    expect(() => extractArticle(raw, { url: 'https://attacker.example/' })).toThrow(PageRefused);
  });

  it.each([
    ['an empty document', ''],
    ['an empty body', '<html><head><title>Only a title</title></head><body></body></html>'],
  ])('returns null for %s', (_, html) => {
    expect(extract(html)).toBeNull();
  });

  it.each([
    ['no <html>, <head> or <body> (all optional in HTML)', `<!doctype html><title>T</title>${paragraph}`],
    [
      'a <script> between </head> and <body>',
      `<html><head><title>T</title></head><script>1</script><body>${paragraph}</body></html>`,
    ],
    ['content after </body>', `<html><head><title>T</title></head><body></body>${paragraph}</html>`],
  ])('finds the article in a page with %s', (_, html) => {
    const article = extract(html);
    expect(article?.title).toBe('T');
    expect(article?.text).toContain('Plenty of ordinary words');
  });

  it('lists outbound links once, without fragments or links to the page itself', () => {
    const links = [
      '<a href="#section">toc</a>',
      '<a href="/a/1#comments">self</a>',
      '<a href="https://source.example/report#p2">source</a>',
      '<a href="https://source.example/report">source again</a>',
      '<a href="//cdn.example/x">protocol-relative</a>',
      '<a href="mailto:desk@news.example">mail</a>',
      '<a href="javascript:alert(1)">script</a>',
    ].join(' ');
    const article = extract(
      `<html><body><article>${paragraph}<p>${links}</p>${paragraph}</article></body></html>`,
    );
    expect(article?.links).toEqual(['https://source.example/report', 'https://cdn.example/x']);
    expect(article?.contentHtml).toContain('href="mailto:desk@news.example"');
    expect(article?.contentHtml).not.toContain('javascript:');
  });
});
