import type { Kysely } from 'kysely';
import type { DeskDeps } from '../desk/index.js';
import type { MediaStorage } from '../media/index.js';
import type { Mailer, Newsletter } from '../newsletter/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import type { ContentChange, ContentEvent } from '../stories/index.js';

/** What every newsroom route is handed by createNewsroom: no module-level state in `newsroom`. */
export interface NewsroomDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  /** Key for hashing addresses in the sign-in limiter and signing preview links. */
  secret: string;
  now: () => Date;
  /** Called after every write that readers can see, so the site drops exactly those pages. */
  contentChanged: (change: ContentChange, options?: { taxonomy?: boolean }) => Promise<void>;
  /** Tells integrators (webhooks) what happened to published content. */
  emit: (event: ContentEvent) => Promise<void>;
  /** Folder for uploaded images and their renditions when they are kept on this node's disk. */
  mediaDir: string;
  /** Where uploads and their renditions are written (MEDIA_STORAGE). */
  mediaStorage: MediaStorage;
  /** The source desk: followed feeds and clusters, with its fetcher. */
  desk: DeskDeps;
  /** The newsletter (createNewsletter): its issues, subscribers, events, previews and test sends. */
  newsletter: Newsletter;
  /** The site's mailer (SMTP or the outbox): review notices go out through it. */
  mailer: Mailer;
  assets: { css: { path: string; body: Buffer }; js: { path: string; body: Buffer } };
}
