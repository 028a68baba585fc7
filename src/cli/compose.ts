import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { createApi } from '../api/index.js';
import { createDeskDeps, type FetchDocument, type Resolve, startDeskScheduler } from '../desk/index.js';
import { deliverOutcome, startScheduler } from '../editorial/index.js';
import { createMailer, createNewsletter, type Mailer, type Newsletter } from '../newsletter/index.js';
import { createNewsroom, type Newsroom } from '../newsroom/index.js';
import { type ChangeFeed, type ChangeListener, startChangeFeed } from '../platform/change-feed.js';
import { CHANGE_CHANNEL } from '../platform/change-log.js';
import type { Config } from '../platform/config.js';
import { type Database, pendingMigrations } from '../platform/database/index.js';
import { listenOn } from '../platform/database/listen.js';
import { createApp } from '../platform/http/app.js';
import { createOpsApp, type ReadinessChecks, requestMetrics, startOpsServer } from '../platform/http/ops.js';
import type { Logger } from '../platform/logger.js';
import { Metrics } from '../platform/metrics.js';
import { createPurger } from '../platform/purge/index.js';
import type { RenderCache } from '../platform/render-cache.js';
import { htmlLangTag } from '../publishing/index.js';
import { createSite, type Site } from '../site/index.js';
import type { ContentChange, ContentEvent } from '../stories/index.js';
import { enqueueWebhookDeliveries, startWebhookWorker } from '../webhooks/index.js';
import { type PurgeForChange, purgeForChanges } from './edge-purge.js';
import { startMaintenance } from './maintenance.js';
import { queueDepths } from './queue-depths.js';
import { bodyLimits } from './request-limits.js';

/** How often the scheduler looks for due variants: a scheduled story is at most this late. */
const SCHEDULER_INTERVAL_MS = 30_000;
/** How often the webhook worker looks for due deliveries. */
const WEBHOOK_INTERVAL_MS = 5_000;
/** How often the desk looks for followed feeds due for a refresh (each has its own interval). */
const DESK_INTERVAL_MS = 60_000;
/** How often the newsletter looks for due digests and pending deliveries. */
const NEWSLETTER_INTERVAL_MS = 60_000;
/** How often expired sessions, links, throttles, share visits and signup attempts are removed. */
const PRUNE_INTERVAL_MS = 60 * 60_000;
/** How often cached story pages showing an outdated share count are dropped (at most). */
const SHARE_COUNT_REFRESH_MS = 15 * 60_000;

export interface Platform {
  app: ReturnType<typeof createApp>;
  site: Site;
  newsroom: Newsroom;
  newsletter: Newsletter;
  /** Newsletter mail; closed by whoever stops the platform. */
  mailer: Mailer;
  /** This process's Prometheus metrics. */
  metrics: Metrics;
  /** Drops a change's pages from the cache in front (PURGE); a change-log follower calls it too. */
  purgeForChange: PurgeForChange;
  /** What /readyz checks: database, migrations, and the background work once started. */
  readiness: ReadinessChecks;
  /**
   * Starts the background work of a running server (scheduler, webhook deliveries, feeds,
   * digests, the hourly prune, share-count refreshes).
   */
  /**
   * The process's background work. `jobs: false` (a web-only node, SERVE_BACKGROUND=false) keeps
   * only what serves its own pages (the share-count refresh), leaving the jobs to workers.
   */
  startBackground(options?: { jobs?: boolean }): { stop(): Promise<void> };
  /**
   * Follows the change log (every process's writes, this one's too) and drops what this process
   * caches for each change, then tells the `onChange` listeners; serve and worker both run it.
   */
  followChanges(): Promise<ChangeFeed>;
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
  /** Newsletter mail; by default SMTP or the outbox as configured (tests wrap it to see it idle). */
  mailer?: Mailer;
  /**
   * Told of every change in the log after this process's caches dropped theirs (a purger of a
   * cache in front, for instance), in log order; a throw makes the feed try the change again.
   */
  onChange?: ChangeListener[];
}): Promise<Platform> {
  const now = options.now ?? (() => new Date());
  const mailer = options.mailer ?? createMailer(options.config, options.log);
  // The newsletter's mail names the site as its pages do (the site's names, reloaded whenever the
  // settings change), and the site's pages use the newsletter: the name is looked up only when a
  // mail is written, once both exist.
  let site: Site | undefined;
  const newsletter = createNewsletter({
    db: options.db,
    config: options.config,
    log: options.log,
    secret: options.secret,
    mailer,
    now,
    siteName: (locale) => site?.siteName(locale) ?? '',
    languageTag: htmlLangTag,
  });
  site = await createSite({ ...options, newsletter, now });
  const builtSite = site;
  const purgeForChange = purgeForChanges(site, createPurger(options.config, options.log), options.log);
  const contentChanged = async (change: ContentChange, changeOptions?: { taxonomy?: boolean }) => {
    await builtSite.contentChanged(change, changeOptions);
    // The write is committed and its pages here dropped; it does not wait for the cache in front.
    void purgeForChange(change, changeOptions);
  };
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
  const newsroom = createNewsroom({ ...shared, desk, newsletter, mailer });
  const api = createApi(shared);
  const metrics = new Metrics({ cache: options.cache, queues: () => queueDepths(options.db, now()) });
  let background: { running: string[] } | 'stopped' | undefined;
  const readiness: ReadinessChecks = {
    database: async () => {
      await sql`select 1`.execute(options.db);
      return { ok: true };
    },
    migrations: async () => {
      const dialect = options.db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
      const pending = await pendingMigrations(options.db as never, dialect);
      return pending.length === 0 ? { ok: true } : { ok: false, detail: { pending } };
    },
    workers: async () => {
      if (background === undefined) return { ok: true, detail: 'not run by this process' };
      if (background === 'stopped') return { ok: false, detail: 'stopped' };
      return { ok: true, detail: { running: background.running } };
    },
  };
  const ops = createOpsApp({ metrics, checks: readiness, token: options.config.METRICS_TOKEN });
  const app = createApp(
    options.log,
    [{ path: '/', app: ops }, newsroom.surface, api.surface, newsletter.webhooks, site.surface],
    {
      observe: requestMetrics(metrics),
      bodyLimits: bodyLimits(options.config),
      siteUrl: options.config.siteUrl,
    },
  );
  return {
    app,
    site,
    newsroom,
    newsletter,
    mailer,
    metrics,
    purgeForChange,
    readiness,
    followChanges() {
      const databaseUrl = options.config.DATABASE_URL;
      return startChangeFeed({
        db: options.db,
        log: options.log,
        pollMs: options.config.CHANGE_POLL_MS,
        listeners: [
          ({ names, shares, ...change }) => {
            site?.sharesCounted(shares);
            // A share alone drops nothing now: the share-count refresh catches its pages up.
            const sharesOnly =
              shares.length > 0 && !names && Object.values(change).every((ids) => ids.length === 0);
            return sharesOnly ? undefined : contentChanged(change, { taxonomy: names });
          },
          ...(options.onChange ?? []),
        ],
        // On SQLite the poll alone reads the log: nothing announces a commit to another process.
        ...(databaseUrl && options.db.getExecutor().adapter instanceof PostgresAdapter
          ? {
              wakeups: (wake: () => void) =>
                listenOn({ connectionString: databaseUrl, channel: CHANGE_CHANNEL, log: options.log, wake }),
            }
          : {}),
      });
    },
    startBackground({ jobs = true } = {}) {
      const idle = { stop: async () => {} };
      // Scheduled variants go live here, with the same cache drops and events as a manual publish.
      const scheduler = jobs
        ? startScheduler({
            db: options.db,
            log: options.log,
            now,
            intervalMs: SCHEDULER_INTERVAL_MS,
            onPublished: (run) => deliverOutcome(run, { contentChanged, emit }),
          })
        : idle;
      const webhooks = jobs
        ? startWebhookWorker({
            db: options.db,
            log: options.log,
            now,
            allowHosts: options.config.WEBHOOK_ALLOW_HOSTS,
            intervalMs: WEBHOOK_INTERVAL_MS,
          })
        : idle;
      const feeds =
        jobs && options.config.DESK_REFRESH
          ? startDeskScheduler(desk, {
              intervalMs: DESK_INTERVAL_MS,
              onRefreshed: (outcomes) => metrics.deskFetched(outcomes),
            })
          : idle;
      const digests =
        jobs && options.config.NEWSLETTER_SEND
          ? newsletter.startScheduler({
              intervalMs: NEWSLETTER_INTERVAL_MS,
              onProgress: (delta) => metrics.newsletterProgress(delta),
            })
          : idle;
      const maintenance = jobs
        ? startMaintenance({
            db: options.db,
            log: options.log,
            now,
            intervalMs: PRUNE_INTERVAL_MS,
          })
        : idle;
      // A share never drops a page by itself; this catches the shown counts up, once per story.
      const shareCounts = setInterval(() => site.refreshShareCounts(), SHARE_COUNT_REFRESH_MS);
      shareCounts.unref();
      background = {
        running: jobs
          ? [
              'scheduled-publishing',
              'webhook-deliveries',
              ...(options.config.DESK_REFRESH ? ['desk-feeds'] : []),
              ...(options.config.NEWSLETTER_SEND ? ['newsletter'] : []),
              'maintenance',
            ]
          : [],
      };
      return {
        stop: async () => {
          background = 'stopped';
          clearInterval(shareCounts);
          await Promise.all([
            scheduler.stop(),
            webhooks.stop(),
            feeds.stop(),
            digests.stop(),
            maintenance.stop(),
          ]);
        },
      };
    },
  };
}

/** The METRICS_PORT listener of a serve or worker process, when the configuration asks for one. */
export function startMetricsListener(
  platform: Platform,
  config: Config,
): Promise<{ url: string; close(): Promise<void> }> | undefined {
  return config.METRICS_PORT === undefined
    ? undefined
    : startOpsServer(
        { metrics: platform.metrics, checks: platform.readiness, token: config.METRICS_TOKEN },
        { host: config.HOST, port: config.METRICS_PORT },
      );
}
