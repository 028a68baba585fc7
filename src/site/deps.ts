import type { Kysely } from 'kysely';
import { absoluteMediaHref, type MediaStorage } from '../media/index.js';
import type { Newsletter } from '../newsletter/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import type { RenderCache } from '../platform/render-cache.js';
import type { StoryCardCache } from './card-cache.js';
import type { Catalog } from './catalog.js';

export interface StaticAsset {
  /** Hashed public path such as `/assets/site.3f2a9c.css`. */
  path: string;
  body: Buffer;
  contentType: string;
}

export interface SiteAssets {
  css: StaticAsset;
  js: StaticAsset;
  logo: StaticAsset;
  /** The logo at 16, 32 and 48 px, also served as /favicon.ico. */
  icon: StaticAsset;
}

/** What every site route is handed by createSite: no module-level state anywhere in `site`. */
export interface SiteDeps {
  db: Kysely<Database>;
  config: Config;
  cache: RenderCache;
  catalog: Catalog;
  /** Stories as cards for lists and related stories. */
  cards: StoryCardCache;
  log: Logger;
  /** Key for hashing share visitors. */
  secret: string;
  assets: SiteAssets;
  mediaDir: string;
  /** Where the library's files are read from (MEDIA_STORAGE). */
  mediaStorage: MediaStorage;
  now: () => Date;
  /** The newsletter (createNewsletter): signup, confirmation, the subscription pages. */
  newsletter: Newsletter;
}

export function absoluteUrl(deps: SiteDeps, path: string): string {
  return `${deps.config.siteUrl}${path}`;
}

/** A library file's absolute URL (feeds, og:image): the CDN's, or the site's /media route. */
export function absoluteMediaUrl(deps: SiteDeps, file: string): string {
  return absoluteMediaHref(deps.config, file);
}
