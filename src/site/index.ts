import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Mailer, NewsletterDeps } from '../newsletter/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Surface } from '../platform/http/app.js';
import type { Logger } from '../platform/logger.js';
import type { RenderCache } from '../platform/render-cache.js';
import { htmlLangTag } from '../publishing/index.js';
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
   * Drops the cached pages of stories shared since the last call, so their count catches up;
   * run every SHARE_COUNT_REFRESH_MINUTES by the background work. Returns the stories refreshed.
   */
  refreshShareCounts(): number[];
  deps: SiteDeps;
}

interface NewsletterOptions {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  secret: string;
  mailer: Mailer;
  now: () => Date;
}

function newsletterDepsOver(catalog: Catalog, options: NewsletterOptions): NewsletterDeps {
  return {
    db: options.db,
    config: options.config,
    mailer: options.mailer,
    log: options.log,
    secret: options.secret,
    now: options.now,
    siteName: (locale) => catalog.pick(catalog.settings.name, locale)?.value ?? '',
    languageTag: htmlLangTag,
  };
}

/**
 * The newsletter's deps with the site's names and language tags, for processes that send mail
 * without serving pages (`velocity newsletter …`).
 */
export async function loadNewsletterDeps(options: NewsletterOptions): Promise<NewsletterDeps> {
  const catalog = new Catalog(options.db);
  await catalog.reload();
  return newsletterDepsOver(catalog, options);
}

/** Builds the public reader site over the store; returns the surface createApp mounts. */
export async function createSite(options: {
  db: Kysely<Database>;
  config: Config;
  cache: RenderCache;
  log: Logger;
  secret: string;
  /** Where newsletter mail goes (SMTP, or the outbox folder). */
  mailer: Mailer;
  now?: () => Date;
}): Promise<Site> {
  const catalog = new Catalog(options.db);
  const cards = new StoryCardCache(options.db);
  await catalog.reload();
  const mediaDir = path.join(options.config.dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const { mailer, ...rest } = options;
  const deps: SiteDeps = {
    ...rest,
    catalog,
    cards,
    assets: loadSiteAssets(),
    mediaDir,
    now,
    newsletter: newsletterDepsOver(catalog, { ...options, mailer, now }),
  };
  const shares = new ShareTally(options.config.SHARE_RATE_LIMIT_PER_MINUTE);
  return {
    deps,
    refreshShareCounts: () => shares.refresh(options.cache),
    surface: {
      path: '/',
      app: siteRoutes(deps, shares),
      renderProblem: (c, status, message) => renderSiteProblem(c, deps, status, message),
    },
    async contentChanged(change, { taxonomy = false } = {}) {
      cards.clear();
      if (taxonomy) {
        await catalog.reload();
        options.cache.invalidate([tag.site, ...tagsForChange(change, catalog)]);
        return;
      }
      if (change.storyIds.length > 0) await catalog.reloadStories();
      options.cache.invalidate(tagsForChange(change, catalog));
    },
  };
}
