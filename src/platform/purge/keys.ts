import type { SurrogateKeyHeader } from '../config-edge.js';

/** On every public page, so one purge of it empties the cache in front (after a deploy, say). */
const ALL_PAGES_KEY = 'all';

/**
 * Render-cache tags that never reach the cache in front: a share only catches the page's count up
 * locally, and the edge may show an older count for its s-maxage.
 */
const LOCAL_ONLY_TAG_KINDS = new Set(['shares']);

/**
 * The surrogate key for a render-cache tag (`story:12` → `story-12`, `front` → `front`). Keys are
 * separated by spaces or commas in the headers that carry them, and Cloudflare and Varnish compare them
 * byte for byte, so anything outside [a-z0-9_.-] becomes `_`. Undefined for local-only tags.
 */
export function surrogateKeyForTag(tag: string): string | undefined {
  const colon = tag.indexOf(':');
  if (colon !== -1 && LOCAL_ONLY_TAG_KINDS.has(tag.slice(0, colon))) return undefined;
  return tag
    .toLowerCase()
    .replace(':', '-')
    .replace(/[^a-z0-9_.-]/g, '_');
}

/** The key naming a locale's pages (`locale-zh`). */
function localeKey(locale: string): string {
  return surrogateKeyForTag(`locale:${locale}`) ?? '';
}

/**
 * The keys a public page is filed under: one per tag it is cached under (so the cache in front
 * and the render cache drop it on the same changes), its locale, and `all`.
 */
export function pageSurrogateKeys(tags: readonly string[], locale: string | undefined): string[] {
  const keys = new Set<string>();
  for (const tag of tags) {
    const key = surrogateKeyForTag(tag);
    if (key) keys.add(key);
  }
  if (locale) keys.add(localeKey(locale));
  keys.add(ALL_PAGES_KEY);
  return [...keys];
}

/** The keys to purge for a write that dropped these tags from the render cache. */
export function purgeKeysForTags(tags: readonly string[]): string[] {
  return [...new Set(tags.flatMap((tag) => surrogateKeyForTag(tag) ?? []))];
}

/**
 * The response headers carrying `keys`, in each header the settings name: Fastly's Surrogate-Key
 * and Varnish's xkey separate keys with spaces, Cloudflare's Cache-Tag with commas.
 */
export function surrogateKeyHeaders(
  keys: readonly string[],
  headerNames: readonly SurrogateKeyHeader[],
): Record<string, string> {
  if (keys.length === 0) return {};
  return Object.fromEntries(headerNames.map((name) => [name, keys.join(name === 'cache-tag' ? ',' : ' ')]));
}

/** `items` in consecutive groups of at most `size` (an API's limit per request). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('a batch holds at least one item');
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
