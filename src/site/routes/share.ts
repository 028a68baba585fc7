import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { countInWindow, type Database } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { RenderCache } from '../../platform/render-cache.js';
import { findStory, isPublished, recordShare } from '../../stories/index.js';
import type { SiteDeps } from '../deps.js';
import { tag } from '../tags.js';
import { visitorNetwork } from '../visitor-network.js';

export function shareEndpoint(storyId: number): string {
  return `/share/${storyId}`;
}

/**
 * A fixed window of shares per visitor network, counted in the database so that every web node
 * behind the load balancer shares it. The network is keyed with the site secret: no address is
 * stored.
 */
export class ShareRateLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly perMinute: number,
  ) {}

  async allow(network: string, nowMs: number): Promise<boolean> {
    const key = createHmac('sha256', this.secret).update(`share-limit\n${network}`).digest('base64url');
    return (await countInWindow(this.db, `share:${key}`, 60_000, nowMs)) <= this.perMinute;
  }
}

/**
 * Which stories gained a counted share since their pages were last refreshed. A share does not
 * drop the cached page (that would let anyone force re-renders); `refresh` drops the pages of
 * these stories at most once per interval, so the count on a cached page lags by at most that.
 */
export class ShareTally {
  readonly limiter: ShareRateLimiter;
  private readonly counted = new Set<number>();
  constructor(db: Kysely<Database>, secret: string, perMinute: number) {
    this.limiter = new ShareRateLimiter(db, secret, perMinute);
  }

  noteCounted(storyId: number): void {
    this.counted.add(storyId);
  }

  /** Drops the cached pages showing a stale count; returns the stories refreshed. */
  refresh(cache: RenderCache): number[] {
    const ids = [...this.counted];
    this.counted.clear();
    if (ids.length > 0) cache.invalidate(ids.map(tag.shares));
    return ids;
  }
}

/**
 * POST /share/:id counts a share at most once per visitor network (IPv4 /24, IPv6 /48), story and
 * day, whatever the User-Agent. The network is kept only as an HMAC keyed with the site secret
 * and the day, so no address is stored and days cannot be linked. The answer carries the count,
 * which the page's script shows; the cached page catches up through `ShareTally.refresh`.
 * Cross-site posts are refused by their Origin header.
 */
export async function shareRoute(c: Context, deps: SiteDeps, tally: ShareTally): Promise<Response> {
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(deps.config.siteUrl).origin && origin !== new URL(c.req.url).origin) {
    throw new DomainError('forbidden', 'Shares are counted only from this site.');
  }
  const idParam = c.req.param('id') ?? '';
  if (!/^\d{1,12}$/.test(idParam)) throw new DomainError('not-found', 'No such story.');
  const now = deps.now();
  const network = visitorNetwork(clientAddress(c, deps.config));
  if (!(await tally.limiter.allow(network, now.getTime()))) {
    throw new DomainError('rate-limited', 'Too many shares from this network; try again in a minute.');
  }
  const story = await findStory(deps.db, Number(idParam));
  if (!story?.variants.some(isPublished)) throw new DomainError('not-found', 'No such story.');
  const day = now.toISOString().slice(0, 10);
  const visitor = createHmac('sha256', deps.secret).update(`share\n${day}\n${network}`).digest('base64url');
  const result = await recordShare(deps.db, story.id, visitor, day);
  if (result.counted) tally.noteCounted(story.id);
  return c.json({ count: result.count, counted: result.counted }, 200, { 'cache-control': 'no-store' });
}
