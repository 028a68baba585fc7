import type { Kysely } from 'kysely';
import { createApi } from '../api/index.js';
import { createDeskDeps, type FetchDocument, type Resolve, startDeskScheduler } from '../desk/index.js';
import { deliverOutcome, startScheduler } from '../editorial/index.js';
import {
  createMailer,
  createNewsletterWebhooks,
  type Mailer,
  startNewsletterScheduler,
  withDigestComposer,
} from '../newsletter/index.js';
import { createNewsroom, type Newsroom } from '../newsroom/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import { createApp } from '../platform/http/app.js';
import type { Logger } from '../platform/logger.js';
import type { RenderCache } from '../platform/render-cache.js';
import { createSite, type Site } from '../site/index.js';
import type { ContentEvent } from '../stories/index.js';
import { enqueueWebhookDeliveries, startWebhookWorker } from '../webhooks/index.js';
import { bodyLimits } from './request-limits.js';

/** How often the scheduler looks for due variants: a scheduled story is at most this late. */
const SCHEDULER_INTERVAL_MS = 30_000;
/** How often the webhook worker looks for due deliveries. */
const WEBHOOK_INTERVAL_MS = 5_000;
/** How often the desk looks for followed feeds due for a refresh (each has its own interval). */
const DESK_INTERVAL_MS = 60_000;
/** How often the newsletter looks for due digests and pending deliveries. */
const NEWSLETTER_INTERVAL_MS = 60_000;

export interface Platform {
  app: ReturnType<typeof createApp>;
  site: Site;
  newsroom: Newsroom;
  /** Newsletter mail; closed by whoever stops the platform. */
  mailer: Mailer;
  /** Starts the background work of a running server (scheduler, webhook deliveries). */
  startBackground(): { stop(): Promise<void> };
}

/**
 * The one place the features are put together: the public site, the admin and the APIs over one
 * database, with the admin's and API's writes dropping the site's cached pages and reaching the
 * webhooks. `serve` and the tests both build the platform here.
 */
export async function composePlatform(options: {
  db: Kysely<Database>;
  config: Config;
  cache: RenderCache;
  log: Logger;
  secret: string;
  now?: () => Date;
  /** Extra listener for content events (tests record them). */
  onEvent?: (event: ContentEvent) => void;
  /** The desk's view of the network, replaced in tests (a resolver answering private addresses). */
  desk?: { resolve?: Resolve; fetchDocument?: FetchDocument };
}): Promise<Platform> {
  const now = options.now ?? (() => new Date());
  const mailer = createMailer(options.config, options.log);
  const site = await createSite({ ...options, mailer, now });
  const contentChanged = site.contentChanged.bind(site);
  const emit = async (event: ContentEvent) => {
    options.onEvent?.(event);
    // The write this event reports is already committed: a failure to queue is logged, not thrown.
    await enqueueWebhookDeliveries({ db: options.db, siteUrl: options.config.siteUrl, now }, event).catch(
      (error: unknown) => options.log.error({ err: error, event }, 'could not queue webhook deliveries'),
    );
  };
  const shared = {
    db: options.db,
    config: options.config,
    log: options.log,
    secret: options.secret,
    now,
    contentChanged,
    emit,
  };
  const desk = createDeskDeps({
    db: options.db,
    config: options.config,
    log: options.log,
    now,
    ...options.desk,
  });
  const newsroom = createNewsroom({ ...shared, desk, newsletter: site.deps.newsletter });
  const api = createApi(shared);
  const bounces = createNewsletterWebhooks({ db: options.db, config: options.config, log: options.log, now });
  const app = createApp(options.log, [newsroom.surface, api.surface, bounces, site.surface], {
    bodyLimits: bodyLimits(options.config),
    siteUrl: options.config.siteUrl,
  });
  return {
    app,
    site,
    newsroom,
    mailer,
    startBackground() {
      // Scheduled variants go live here, with the same cache drops and events as a manual publish.
      const scheduler = startScheduler({
        db: options.db,
        log: options.log,
        now,
        intervalMs: SCHEDULER_INTERVAL_MS,
        onPublished: (run) => deliverOutcome(run, { contentChanged, emit }),
      });
      const webhooks = startWebhookWorker({
        db: options.db,
        log: options.log,
        now,
        fetch: globalThis.fetch,
        intervalMs: WEBHOOK_INTERVAL_MS,
      });
      const feeds = options.config.DESK_REFRESH
        ? startDeskScheduler(desk, { intervalMs: DESK_INTERVAL_MS })
        : { stop: async () => {} };
      const digests = options.config.NEWSLETTER_SEND
        ? startNewsletterScheduler(withDigestComposer(site.deps.newsletter), {
            intervalMs: NEWSLETTER_INTERVAL_MS,
          })
        : { stop: async () => {} };
      return {
        stop: async () => {
          await Promise.all([scheduler.stop(), webhooks.stop(), feeds.stop(), digests.stop()]);
        },
      };
    },
  };
}
