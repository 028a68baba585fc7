/**
 * Sitemap index, URL sets with hreflang alternates, and the Google News sitemap.
 * Pure functions: the caller lists the URLs, splits them with `chunk`, and passes `now`.
 */

import { parseIsoDate, XML_DECLARATION, xmlElement, xmlText } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** sitemaps.org: a sitemap holds at most 50,000 URLs, and an index at most 50,000 sitemaps. */
export const MAX_SITEMAP_URLS = 50_000;
/** sitemaps.org: a sitemap file is at most 50 MB (52,428,800 bytes) uncompressed. */
const MAX_SITEMAP_BYTES = 52_428_800;
/** Google News: at most 1,000 `<news:news>` entries per sitemap. */
export const MAX_NEWS_URLS = 1_000;
/** Google News sitemaps list only articles published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export interface SitemapRef {
  url: string;
  lastModified?: string;
}

export interface HreflangAlternate {
  /** BCP 47 tag, or `x-default`. */
  hreflang: string;
  href: string;
}

export interface UrlSetEntry {
  url: string;
  lastModified?: string;
  /** The complete set: this URL itself, every other locale and `x-default`, or empty. */
  alternates: HreflangAlternate[];
}

export interface NewsSitemapEntry {
  url: string;
  title: string;
  /** Our BCP 47 locale; mapped by `newsLanguageCode`. */
  language: string;
  publishedAt: string;
  /**
   * The site's name in the entry's own locale: Google News knows a publication by name and
   * language together, so the English edition is not named in Chinese.
   */
  publicationName: string;
}

export interface NewsSitemapOptions {
  now: Date;
}

/** Splits a list into runs of at most `size`: `chunk(urls, MAX_SITEMAP_URLS)`, one sitemap each. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Chunk size must be a positive integer: ${size}`);
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}

// Google and sitemaps.org both require absolute URLs; parsing also percent-encodes non-ASCII paths
// (sitemaps.org asks for RFC 3986 URLs) and throws on a relative one, which is a bug upstream.
function absoluteUrl(url: string): string {
  return new URL(url).href;
}

// W3C Datetime, as sitemaps.org and Google News ask for; toISOString is one of its forms.
const w3cDate = (iso: string) => parseIsoDate(iso).toISOString();

function finish(root: string): string {
  const xml = `${XML_DECLARATION}\n${root}\n`;
  if (Buffer.byteLength(xml, 'utf8') > MAX_SITEMAP_BYTES) {
    throw new RangeError('Sitemap exceeds 50 MB uncompressed (sitemaps.org); split it into smaller chunks');
  }
  return xml;
}

// sitemap.xsd and siteindex.xsd both require at least one child: an empty sitemap is invalid.
function checkCount(count: number, limit: number, what: string): void {
  if (count === 0) throw new RangeError(`No ${what}: the sitemaps.org schema requires at least one`);
  if (count > limit)
    throw new RangeError(`${count} ${what} exceed the limit of ${limit}; split with chunk()`);
}

/** A sitemap index (sitemaps.org) pointing at each sitemap. */
export function renderSitemapIndex(sitemaps: SitemapRef[]): string {
  checkCount(sitemaps.length, MAX_SITEMAP_URLS, 'sitemaps');
  const children = sitemaps.map(({ url, lastModified }) =>
    xmlElement('sitemap', {}, [
      xmlText('loc', absoluteUrl(url)),
      ...(lastModified ? [xmlText('lastmod', w3cDate(lastModified))] : []),
    ]),
  );
  return finish(xmlElement('sitemapindex', { xmlns: SITEMAP_NS }, children));
}

// Google ignores hreflang annotations that do not point back at the page itself, so a set that
// omits its own URL or `x-default` is refused here instead of being published and silently dropped.
function checkAlternates(entry: UrlSetEntry, loc: string): void {
  if (entry.alternates.length === 0) return;
  const hrefs = entry.alternates.map((alternate) => absoluteUrl(alternate.href));
  const listsItself = hrefs.includes(loc);
  const hasDefault = entry.alternates.some((alternate) => alternate.hreflang === 'x-default');
  if (!listsItself || !hasDefault) {
    throw new TypeError(`hreflang set for ${loc} must list the URL itself and x-default`);
  }
}

/** A URL set with `<xhtml:link rel="alternate">` per locale, as Google reads hreflang in sitemaps. */
export function renderUrlSet(entries: UrlSetEntry[]): string {
  checkCount(entries.length, MAX_SITEMAP_URLS, 'URLs');
  const urls = entries.map((entry) => {
    const loc = absoluteUrl(entry.url);
    checkAlternates(entry, loc);
    return xmlElement('url', {}, [
      xmlText('loc', loc),
      ...(entry.lastModified ? [xmlText('lastmod', w3cDate(entry.lastModified))] : []),
      ...entry.alternates.map(({ hreflang, href }) =>
        xmlElement('xhtml:link', { rel: 'alternate', hreflang, href: absoluteUrl(href) }),
      ),
    ]);
  });
  return finish(xmlElement('urlset', { xmlns: SITEMAP_NS, 'xmlns:xhtml': XHTML_NS }, urls));
}

/**
 * Google News language code for one of our locales. Google News takes ISO 639 codes, except
 * `zh-cn` for Simplified and `zh-tw` for Traditional Chinese.
 */
export function newsLanguageCode(locale: string): string {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale);
  } catch {
    return (locale.split('-')[0] ?? locale).toLowerCase();
  }
  if (tag.language !== 'zh') return tag.language;
  // Likely-subtags (CLDR) give the script a region implies: zh-HK and zh-TW are Hant, zh and zh-SG Hans.
  return tag.maximize().script === 'Hant' ? 'zh-tw' : 'zh-cn';
}

/**
 * The entries a Google News sitemap lists: published within two days before `now`, newest first,
 * at most 1,000. Scheduled stories (published after `now`) are left out.
 */
export function recentNewsEntries<T extends Pick<NewsSitemapEntry, 'publishedAt'>>(
  entries: readonly T[],
  now: Date,
): T[] {
  const nowMs = now.getTime();
  return (
    entries
      .map((entry) => ({ entry, publishedMs: parseIsoDate(entry.publishedAt).getTime() }))
      .filter(({ publishedMs }) => publishedMs <= nowMs && nowMs - publishedMs <= NEWS_WINDOW_MS)
      .sort((a, b) => b.publishedMs - a.publishedMs)
      // A newsroom rarely passes 1,000 stories in two days; past that the oldest drop out.
      .slice(0, MAX_NEWS_URLS)
      .map(({ entry }) => entry)
  );
}

/**
 * A Google News sitemap of `recentNewsEntries`, or undefined when none is recent: the sitemaps.org
 * schema requires at least one `<url>` in a `<urlset>` (and one `<sitemap>` in an index), so there
 * is no valid empty news sitemap. The caller then leaves it out of the index and answers 404.
 */
export function renderNewsSitemap(
  entries: NewsSitemapEntry[],
  options: NewsSitemapOptions,
): string | undefined {
  const recent = recentNewsEntries(entries, options.now);
  if (recent.length === 0) return undefined;
  const urls = recent.map((entry) =>
    xmlElement('url', {}, [
      xmlText('loc', absoluteUrl(entry.url)),
      xmlElement('news:news', {}, [
        xmlElement('news:publication', {}, [
          xmlText('news:name', entry.publicationName),
          xmlText('news:language', newsLanguageCode(entry.language)),
        ]),
        xmlText('news:publication_date', w3cDate(entry.publishedAt)),
        xmlText('news:title', entry.title),
      ]),
    ]),
  );
  return finish(xmlElement('urlset', { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS }, urls));
}
