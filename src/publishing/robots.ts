/** robots.txt for the public site (RFC 9309). */

export interface RobotsOptions {
  /** Absolute; a relative `sitemapUrl` is resolved against it. */
  siteUrl: string;
  sitemapUrl: string;
  /** Path prefixes to keep crawlers out of, such as `/admin/` and `/api/`. */
  disallow: string[];
}

// RFC 9309 §2.2.2: a rule's path starts with "/". Whitespace would end the value early, a "#"
// starts a comment, and a newline would smuggle in another directive, so all of them are refused.
const RULE_PATH = /^\/[^\s#\p{Cc}]*$/u;

/** Everyone may crawl everything except the given prefixes; the sitemap is named by absolute URL. */
export function renderRobotsTxt({ siteUrl, sitemapUrl, disallow }: RobotsOptions): string {
  for (const path of disallow) {
    if (!RULE_PATH.test(path)) throw new RangeError(`Not a robots.txt path: ${JSON.stringify(path)}`);
  }
  const lines = [
    'User-agent: *',
    // RFC 9309 §2.2.2 picks the longest matching rule, but many parsers (Python's robotparser
    // among them) take the first match, so the Disallow lines come before `Allow: /`: both
    // readings then agree. Crawlers that predate Allow just skip that line.
    ...[...new Set(disallow)].map((path) => `Disallow: ${path}`),
    'Allow: /',
    '',
    // Sitemap is not an RFC 9309 rule (§2.2.4 leaves such records to others); sitemaps.org asks
    // for a fully qualified URL on this line.
    `Sitemap: ${new URL(sitemapUrl, siteUrl).href}`,
  ];
  return `${lines.join('\n')}\n`;
}
