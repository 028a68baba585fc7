import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import { DomainError } from '../../platform/errors.js';
import { clientAddress } from '../../platform/http/client-address.js';
import { findStory, isPublished, recordShare } from '../../stories/index.js';
import type { SiteDeps } from '../deps.js';
import { tag } from '../tags.js';

export function shareEndpoint(storyId: number): string {
  return `/share/${storyId}`;
}

/** A fixed window per visitor; shares are rare, so a small in-memory table is enough. */
export class ShareRateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly perMinute: number) {}

  allow(visitor: string, nowMs: number): boolean {
    const window = this.windows.get(visitor);
    if (!window || nowMs - window.start >= 60_000) {
      if (this.windows.size > 50_000) this.windows.clear();
      this.windows.set(visitor, { start: nowMs, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.perMinute;
  }
}

/**
 * POST /share/:id counts a share once per visitor and day. The visitor is an HMAC of address and
 * user agent keyed with the site secret and the day, so no raw address is stored and hashes from
 * different days cannot be linked. Cross-site posts are refused by their Origin header.
 */
export async function shareRoute(c: Context, deps: SiteDeps, limiter: ShareRateLimiter): Promise<Response> {
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(deps.config.siteUrl).origin && origin !== new URL(c.req.url).origin) {
    throw new DomainError('forbidden', 'Shares are counted only from this site.');
  }
  const idParam = c.req.param('id') ?? '';
  if (!/^\d{1,12}$/.test(idParam)) throw new DomainError('not-found', 'No such story.');
  const story = await findStory(deps.db, Number(idParam));
  if (!story?.variants.some(isPublished)) throw new DomainError('not-found', 'No such story.');
  const now = deps.now();
  const day = now.toISOString().slice(0, 10);
  const address = clientAddress(c, deps.config);
  const visitor = createHmac('sha256', deps.secret)
    .update(`${day}\n${address}\n${c.req.header('user-agent') ?? ''}`)
    .digest('base64url');
  if (!limiter.allow(visitor, now.getTime())) {
    throw new DomainError('rate-limited', 'Too many shares from this visitor; try again in a minute.');
  }
  const result = await recordShare(deps.db, story.id, visitor, day);
  if (result.counted) deps.cache.invalidate([tag.shares(story.id)]);
  return c.json({ count: result.count, counted: result.counted }, 200, { 'cache-control': 'no-store' });
}
