import { expect } from 'vitest';

// Small readers of rendered HTML for the view tests: enough to check structure without a DOM.

const XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';

/** Heading levels in document order: `[1, 2, 2, 3]`. */
export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

/** Fails when a heading skips a level on the way down (h2 → h4), which confuses outline navigation. */
export function expectHeadingOrder(html: string): void {
  const levels = headingLevels(html);
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((level, i) => {
    if (i > 0)
      expect(level, `heading ${i} (h${level}) after h${levels[i - 1]}`).toBeLessThanOrEqual(
        (levels[i - 1] ?? 1) + 1,
      );
  });
}

/** Every JSON-LD block, parsed. */
export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1] ?? ''),
  );
}

/** Values of one attribute on every tag matching `tagPattern` (a regex source such as `link[^>]*rel="canonical"`). */
export function attributeValues(html: string, tagPattern: string, attribute: string): string[] {
  const tags = html.match(new RegExp(`<${tagPattern}[^>]*>`, 'g')) ?? [];
  return tags.flatMap((tag) => {
    const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1];
    return value === undefined ? [] : [value];
  });
}

/** Ids must be unique in a document. */
export function expectUniqueIds(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
}

// Keys whose strings are URLs, language tags, machine values or pre-sanitized HTML, not text a
// person wrote: the XSS fill leaves them alone.
const NOT_TEXT = new Set([
  'href',
  'src',
  'srcset',
  'sizes',
  'url',
  'endpoint',
  'canonicalUrl',
  'homeHref',
  'stylesheetHref',
  'scriptHref',
  'rss',
  'atom',
  'json',
  'lang',
  'locale',
  'htmlLang',
  'altLang',
  'hreflang',
  'publishedAt',
  'updatedAt',
  'bodyHtml',
  'answerHtml',
  'network',
  'kind',
  'property',
  'previousHref',
  'nextHref',
  '@context',
  '@type',
]);

/** A copy of view data with every human-written string replaced by an XSS payload. */
export function fillTextWith<T>(data: T, payload: string = XSS, key = ''): T {
  if (typeof data === 'string') return (NOT_TEXT.has(key) ? data : payload) as T;
  if (typeof data === 'function' || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map((item) => fillTextWith(item, payload, key)) as T;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fillTextWith(v, payload, k)])) as T;
}

/** The payload appears only escaped: no live script or image element, no broken-out attribute. */
export function expectNoInjection(html: string): void {
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img src=x');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
}
