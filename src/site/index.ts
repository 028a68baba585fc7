import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createMediaStorage } from '../media/index.js';
import type { Newsletter } from '../newsletter/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Surface } from '../platform/http/app.js';
import type { Logger } from '../platform/logger.js';
import type { RenderCache } from '../platform/render-cache.js';
import type { ContentChange } from '../stories/index.js';
import { loadSiteAssets } from './assets.js';
import { StoryCardCache } from './card-cache.js';
import { Catalog } from './catalog.js';
import type { SiteDeps } from './deps.js';
import { renderSiteProblem } from './routes/errors.js';
import { ShareTally } from './routes/share.js';
import { siteRoutes } from './routes.js';
import { tag, tagsForChange } from './tags.js';

export interface Site {
  surface: Surface;
  /** Drops exactly the cached pages a write touched; reloads names when taxonomy changed. */
  contentChanged(change: ContentChange, options?: { taxonomy?: boolean }): Promise<void>;
  /**
   * The tags `contentChanged` drops for a change, for the cache in front to drop the same pages
   * (call it after `contentChanged`, which reloads the names the tags are read from).
   */
  changedTags(change: ContentChange, options?: { taxonomy?: boolean }): string[];
  /**
   * Drops the cached pages of stories shared since the last call, so their count catches up;
   * run every SHARE_COUNT_REFRESH_MINUTES by the background work. Returns the stories refreshed.
   */
  refreshShareCounts(): number[];
  /** Notes shares counted by any process, so the next refreshShareCounts catches their pages up. */
  sharesCounted(storyIds: number[]): void;
  /** The site's name in a locale, as its pages show it (the newsletter's mail uses it too). */
  siteName(locale: string): string;
  deps: SiteDeps;
}

/**
 * The site's name in a locale, as its pages show it (with the settings' fallbacks), for processes
 * that write mail without serving pages (`velocity newsletter …`).
 */
export async function loadSiteName(db: Kysely<Database>): Promise<(locale: string) => string> {
  const catalog = new Catalog(db);
  await catalog.reload();
  return (locale) => siteNameIn(catalog, locale);
}

function siteNameIn(catalog: Catalog, locale: string): string {
  return catalog.pick(catalog.settings.name, locale)?.value ?? '';
}

/** Builds the public reader site over the store; returns the surface createApp mounts. */
export async function createSite(options: {
  db: Kysely<Database>;
  config: Config;
  cache: RenderCache;
  log: Logger;
  secret: string;
  /** The newsletter the signup box and the subscription pages use. */
  newsletter: Newsletter;
  now?: () => Date;
}): Promise<Site> {
  const catalog = new Catalog(options.db);
  const cards = new StoryCardCache(options.db);
  await catalog.reload();
  const mediaDir = path.join(options.config.dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const deps: SiteDeps = {
    ...options,
    catalog,
    cards,
    assets: loadSiteAssets(),
    mediaDir,
    mediaStorage: createMediaStorage(options.config),
    now,
  };
  const changedTags = (change: ContentChange, { taxonomy = false } = {}) => [
    ...(taxonomy ? [tag.site] : []),
    ...tagsForChange(change, catalog),
  ];
  const shares = new ShareTally(options.db, options.secret, options.config.SHARE_RATE_LIMIT_PER_MINUTE);
  return {
    deps,
    siteName: (locale) => siteNameIn(catalog, locale),
    refreshShareCounts: () => shares.refresh(options.cache),
    sharesCounted: (storyIds) => {
      for (const id of storyIds) shares.noteCounted(id);
    },
    surface: {
      path: '/',
      app: siteRoutes(deps, shares),
      renderProblem: (c, status, message) => renderSiteProblem(c, deps, status, message),
    },
    async contentChanged(change, { taxonomy = false } = {}) {
      cards.clear();
      if (taxonomy) await catalog.reload();
      else if (change.storyIds.length > 0) await catalog.reloadStories();
      options.cache.invalidate(changedTags(change, { taxonomy }));
    },
    changedTags: (change, options) => changedTags(change, options),
  };
}
