import { createHash } from 'node:crypto';

export interface CachedPage {
  status: number;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
}

/** A strong ETag from the bytes themselves, so identical renders validate against each other. */
export function etagFor(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Rendered pages keyed by request path (which carries the locale) and tagged with what they show
 * (`story:12`, `section:3`, `entity:5`, `front`, `feeds`, `sitemap`, …). A write drops exactly
 * the entries carrying its tags. `version` counts invalidations: a page rendered while a write
 * was in flight carries the older version and is not stored.
 */
export class RenderCache {
  private readonly entries = new Map<string, { page: CachedPage; tags: string[] }>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private currentVersion = 0;
  private counts = { bytes: 0, hits: 0, misses: 0, evictions: 0 };

  constructor(private readonly maxEntries: number) {}

  get version(): number {
    return this.currentVersion;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedPage | undefined {
    const page = this.entries.get(key)?.page;
    if (page) this.counts.hits++;
    else this.counts.misses++;
    return page;
  }

  /** Running totals for the metrics (hits and misses count every lookup). */
  stats(): { entries: number; bytes: number; hits: number; misses: number; evictions: number } {
    return { entries: this.entries.size, ...this.counts };
  }

  set(key: string, page: CachedPage, tags: string[], renderedAtVersion = this.currentVersion): void {
    if (this.maxEntries === 0 || renderedAtVersion !== this.currentVersion) return;
    this.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined && this.delete(oldest)) this.counts.evictions++;
    }
    this.entries.set(key, { page, tags });
    this.counts.bytes += page.body.length;
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.keysByTag.set(tag, keys);
      }
      keys.add(key);
    }
  }

  /** Drops every page carrying any of the tags; returns how many were dropped. */
  invalidate(tags: string[]): number {
    this.currentVersion++;
    let dropped = 0;
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        if (this.delete(key)) dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.currentVersion++;
    this.entries.clear();
    this.keysByTag.clear();
    this.counts.bytes = 0;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  private delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.counts.bytes -= entry.page.body.length;
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
    return true;
  }
}
