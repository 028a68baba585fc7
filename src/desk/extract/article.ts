import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { withoutLoneSurrogates } from '../charsets.js';
import { decodeHtmlBytes } from './charset.js';
import { PageMalformed, PageRefused, PageTooLarge } from './errors.js';
import { MAX_NESTING_DEPTH, type MarkupSize, measureMarkup, NestingTooDeep } from './nesting.js';
import { documentBaseUrl, parsePageUrl } from './resolve-url.js';
import { sanitizeWithLinks } from './sanitize.js';
import { repairHtmlSkeleton } from './skeleton.js';
import { textOfSanitizedHtml } from './text.js';

/** Larger pages are refused unread; the biggest Readability test page is 470 KB. */
export const DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;

/**
 * Beyond these a page is generated or hostile, not an article, and Readability would take many
 * seconds (see MarkupSize). The largest corpus page, pixnet, has 2,953 elements, 3,929 text runs and a
 * squared-depth sum of 646,443 (at most 260 per element across the corpus). The limits allow 50,000
 * elements nested like that; synthetic hostile pages just inside them took up to 1.8 s here.
 */
export const MAX_PAGE_ELEMENTS = 50_000;
export const MAX_PAGE_TEXT_RUNS = 200_000;
const MAX_PAGE_SQUARED_DEPTH_SUM = 15_000_000;

export type ExtractArticleOptions = {
  /** The page's URL after redirects: relative links and <base href> resolve against it. */
  url: string;
  contentType?: string | null;
  maxBytes?: number;
};

export type ExtractedArticle = {
  title: string | null;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
  dir: string | null;
  publishedTime: string | null;
  /** The article body, sanitized: only the allow-listed tags, every href and src absolute. */
  contentHtml: string;
  /** Plain text of contentHtml, paragraphs separated by a blank line. */
  text: string;
  /** Absolute http(s) links of the article body without fragments, first occurrence first, minus the page itself. */
  links: string[];
};

type ReadabilityResult = NonNullable<ReturnType<Readability['parse']>>;

function cleanField(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? withoutLoneSurrogates(text) : null;
}

/**
 * Links out of the article as sources: "#section" and "page#section" are the page itself, and
 * "other#part" is the same source as "other", so fragments are dropped before de-duplicating.
 */
function outboundLinks(hrefs: string[], pageUrl: URL): string[] {
  const self = new URL(pageUrl);
  self.hash = '';
  const seen = new Set<string>([self.href]);
  const links: string[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    links.push(url.href);
  }
  return links;
}

function refuseUnreasonableMarkup(html: string): void {
  let size: MarkupSize;
  try {
    size = measureMarkup(html, MAX_NESTING_DEPTH);
  } catch (error) {
    if (error instanceof NestingTooDeep) {
      throw new PageRefused(error.message, { maxDepth: MAX_NESTING_DEPTH });
    }
    throw error;
  }
  const limits = [
    ['elements', size.elementCount, MAX_PAGE_ELEMENTS],
    ['text runs', size.textRunCount, MAX_PAGE_TEXT_RUNS],
    ['squared-depth sum', size.squaredDepthSum, MAX_PAGE_SQUARED_DEPTH_SUM],
  ] as const;
  for (const [what, value, limit] of limits) {
    if (value > limit) throw new PageRefused(`Page exceeds the ${what} limit: ${value} > ${limit}`, size);
  }
}

function runReadability(html: string, pageUrl: URL): { article: ReadabilityResult | null; base: URL } {
  try {
    const { document } = parseHTML(html);
    repairHtmlSkeleton(document);
    const base = documentBaseUrl(pageUrl, document.querySelector('base[href]')?.getAttribute('href'));
    // linkedom has no document URL and reports a relative <base href> as is; Readability resolves
    // links and lazy images against these two, so they are set to what a browser would compute.
    Object.defineProperty(document, 'documentURI', { value: pageUrl.href });
    Object.defineProperty(document, 'baseURI', { value: base.href });
    return { article: new Readability(document).parse(), base };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError) throw new PageRefused(`Page is too complex to read: ${reason}`);
    throw new PageMalformed(`Could not read the page: ${reason}`, { reason });
  }
}

/**
 * Decodes a fetched page, finds its article with Readability and returns it sanitized, or null when
 * the page has no article. Throws PageTooLarge, PageRefused (too deep, too many elements),
 * PageMalformed (the parser failed) or InvalidPageUrl.
 */
export function extractArticle(bytes: Uint8Array, options: ExtractArticleOptions): ExtractedArticle | null {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES;
  if (bytes.byteLength > maxBytes) throw new PageTooLarge(bytes.byteLength, maxBytes);
  const pageUrl = parsePageUrl(options.url);
  const { text: html } = decodeHtmlBytes(bytes, options.contentType);
  refuseUnreasonableMarkup(html);

  const { article, base } = runReadability(html, pageUrl);
  if (!article?.content) return null;
  const sanitized = sanitizeWithLinks(article.content, base);
  return {
    title: cleanField(article.title),
    byline: cleanField(article.byline),
    excerpt: cleanField(article.excerpt),
    siteName: cleanField(article.siteName),
    lang: cleanField(article.lang),
    dir: cleanField(article.dir),
    publishedTime: cleanField(article.publishedTime),
    contentHtml: sanitized.html,
    text: textOfSanitizedHtml(sanitized.html),
    links: outboundLinks(sanitized.links, pageUrl),
  };
}
