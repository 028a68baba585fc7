import type { ItemId } from './clusterer.js';

export type CanonicalCandidate = {
  id: ItemId;
  publishedAt: string | null;
  url: string | null;
  links?: readonly string[];
};

export type Canonical<Id extends ItemId> = {
  /** First published; undated items come after dated ones, then the smaller id. */
  earliestId: Id;
  /** The item most others in the cluster link to; the earliest when nobody links to any of them. */
  originalId: Id;
  /** How many other items of the cluster link to the original. */
  inboundLinks: number;
};

// Parameters that only say where a reader came from (Google Analytics' utm_* campaign tags).
const TRACKING_PARAMETER = /^utm_/i;

/**
 * A URL reduced to what identifies the page: https, no `www.`, no fragment, no utm_* parameters,
 * no trailing slash. Relative links resolve against `base`. Null when it is not an http(s) URL.
 */
export function normaliseUrl(url: string, base?: string | null): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base ?? undefined);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.host.replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  // Rebuilt even when nothing is dropped, so both sides of a comparison are encoded alike.
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  const query = new URLSearchParams(kept).toString();
  return `https://${host}${path}${query === '' ? '' : `?${query}`}`;
}

function publishedMs(item: CanonicalCandidate): number {
  return item.publishedAt === null ? Number.NaN : Date.parse(item.publishedAt);
}

function compareIds(a: ItemId, b: ItemId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order, so the answer cannot depend on the order rows came back from the database. */
function compareEarliest(a: CanonicalCandidate, b: CanonicalCandidate): number {
  const at = publishedMs(a);
  const bt = publishedMs(b);
  if (Number.isNaN(at) !== Number.isNaN(bt)) return Number.isNaN(at) ? 1 : -1;
  if (!Number.isNaN(at) && at !== bt) return at - bt;
  return compareIds(a.id, b.id);
}

/**
 * Names a cluster's earliest item and its most original one: the page the other items cite.
 * Unparseable dates count as missing. Throws a RangeError for an empty cluster.
 */
export function pickCanonical<T extends CanonicalCandidate>(items: readonly T[]): Canonical<T['id']> {
  const ordered = [...items].sort(compareEarliest);
  const earliest = ordered[0];
  if (earliest === undefined) throw new RangeError('pickCanonical needs at least one item');
  const citations = new Map<string, number>();
  for (const item of ordered) {
    const own = item.url === null ? null : normaliseUrl(item.url);
    // A page linking to one URL ten times, or to itself, is not ten citations.
    const cited = new Set<string>();
    for (const link of item.links ?? []) {
      const target = normaliseUrl(link, item.url);
      if (target !== null && target !== own) cited.add(target);
    }
    for (const target of cited) citations.set(target, (citations.get(target) ?? 0) + 1);
  }
  let original = earliest;
  let inboundLinks = 0;
  for (const item of ordered) {
    const own = item.url === null ? null : normaliseUrl(item.url);
    const count = own === null ? 0 : (citations.get(own) ?? 0);
    if (count > inboundLinks) {
      original = item;
      inboundLinks = count;
    }
  }
  return { earliestId: earliest.id, originalId: original.id, inboundLinks };
}
