import { linkTargets, scanTags } from './html-scan.js';

// Crawls the site in process: every same-site href/src in HTML pages, every <loc> in sitemaps and
// every feed a page advertises with <link rel="alternate" type=…>, each fetched once. Links inside
// feeds are not followed, so "a feed item points at a crawled page" stays a real check.

export type PageKind = 'html' | 'xml' | 'rss' | 'atom' | 'json-feed' | 'other';

export interface CrawledPage {
  /** Path and query, as requested. */
  path: string;
  status: number;
  contentType: string;
  kind: PageKind;
  /** The body as text; empty for binary responses (images). */
  body: string;
  /** Where the first page linking here came from (for failure messages). */
  linkedFrom: string;
}

const FEED_TYPES: Record<string, PageKind> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json-feed',
};

function kindOf(contentType: string): PageKind {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html') return 'html';
  if (type in FEED_TYPES) return FEED_TYPES[type] as PageKind;
  if (type === 'application/xml' || type === 'text/xml') return 'xml';
  return 'other';
}

/** `path?query` of a same-site link (relative or on `origin`), without fragment; else undefined. */
export function sameSitePath(href: string, base: string, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, `${origin}${base}`);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  return `${url.pathname}${url.search}`;
}

/** Same-site targets of a page: links and sources for HTML, <loc> and alternates for sitemaps. */
export function discoveredLinks(page: CrawledPage, origin: string): string[] {
  let targets: string[] = [];
  if (page.kind === 'html') {
    targets = linkTargets(page.body);
    // The feeds a page advertises (already hrefs, listed for clarity of intent).
    for (const tag of scanTags(page.body)) {
      const type = tag.attributes.get('type') ?? '';
      if (tag.name === 'link' && tag.attributes.get('rel') === 'alternate' && type in FEED_TYPES)
        targets.push(tag.attributes.get('href') ?? '');
    }
  } else if (page.kind === 'xml') {
    targets = [...page.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeXml(m[1] ?? ''));
  }
  return targets.flatMap((href) => sameSitePath(href, page.path, origin) ?? []);
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const TEXT_KINDS = new Set<PageKind>(['html', 'xml', 'rss', 'atom', 'json-feed']);

/** Breadth-first crawl from `starts`, a few requests at a time. */
export async function crawlSite(
  get: (path: string) => Promise<Response>,
  starts: string[],
  origin: string,
  options: { concurrency?: number; limit?: number } = {},
): Promise<Map<string, CrawledPage>> {
  const { concurrency = 8, limit = 5000 } = options;
  const pages = new Map<string, CrawledPage>();
  const seen = new Set<string>(starts);
  let queue = starts.map((path) => ({ path, linkedFrom: '(start)' }));
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (let i = 0; i < queue.length; i += concurrency) {
      const batch = queue.slice(i, i + concurrency);
      const fetched = await Promise.all(
        batch.map(({ path, linkedFrom }) => fetchPage(get, path, linkedFrom)),
      );
      for (const page of fetched) {
        pages.set(page.path, page);
        if (page.status !== 200) continue;
        for (const target of discoveredLinks(page, origin)) {
          if (seen.has(target)) continue;
          seen.add(target);
          next.push({ path: target, linkedFrom: page.path });
        }
      }
    }
    if (seen.size > limit) throw new Error(`Crawl passed ${limit} URLs: a link loop?`);
    queue = next;
  }
  return pages;
}

async function fetchPage(
  get: (path: string) => Promise<Response>,
  path: string,
  linkedFrom: string,
): Promise<CrawledPage> {
  const response = await get(path);
  const contentType = response.headers.get('content-type') ?? '';
  const kind = kindOf(contentType);
  // Binary bodies (images) are read to the end, to be sure they arrive, and not kept.
  let body = '';
  if (TEXT_KINDS.has(kind)) body = await response.text();
  else await response.arrayBuffer();
  return { path, status: response.status, contentType, kind, body, linkedFrom };
}
