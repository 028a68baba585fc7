import pg from 'pg';
import type { Logger } from '../logger.js';

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

/**
 * Keeps one PostgreSQL connection LISTENing on `channel` (the pool's connections are shared and
 * short-lived, and a LISTEN lasts only as long as its session) and calls `wake` on every
 * notification. A lost connection is opened again with a growing delay; once listening again it
 * calls `wake` too, since notifications sent meanwhile were lost: the caller replays from its log.
 */
export function listenOn(options: {
  connectionString: string;
  channel: string;
  log: Logger;
  wake: () => void;
  /** How the connection names itself in pg_stat_activity (tests find theirs by it). */
  applicationName?: string;
}): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;

  const lost = (which: pg.Client, error?: unknown) => {
    if (stopped || client !== which) return;
    client = undefined;
    which.end().catch(() => {});
    options.log.warn({ err: error, retryInMs: retryMs }, 'change notifications lost; listening again soon');
    retry = setTimeout(connect, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  };

  const connect = () => {
    if (stopped) return;
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: options.applicationName ?? 'velocity-change-feed',
    });
    client = next;
    next.on('notification', () => options.wake());
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    next
      .connect()
      .then(() => next.query(`listen ${pg.escapeIdentifier(options.channel)}`))
      .then(() => {
        if (client !== next) return;
        retryMs = FIRST_RETRY_MS;
        options.wake();
      })
      .catch((error: unknown) => lost(next, error));
  };

  connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}
