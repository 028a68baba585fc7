import type { Kysely } from 'kysely';
import { type ChangeRow, changesAfter, type LoggedChange, latestChangeId } from './change-log.js';
import type { Database } from './database/index.js';
import type { Logger } from './logger.js';

/** Told of each change in the log, oldest first; a throw makes the feed try that change again. */
export type ChangeListener = (change: LoggedChange, row: ChangeRow) => Promise<void> | void;

export interface ChangeFeed {
  /** The id of the last change applied: the feed resumes after it. */
  lastId(): number;
  /** Reads and applies what is new now (the poll and the wake-ups call it; tests may too). */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

const BATCH = 500;
/** Tries of one change before it is skipped, so one that always fails cannot stop the feed. */
const ATTEMPTS = 3;

/**
 * Follows the change log from its current end (a starting process has nothing cached, so older
 * changes concern it not): every `pollMs`, and whenever `wakeups` call (PostgreSQL's NOTIFY), it
 * reads the changes after the last one applied and hands each to the listeners in order. Reading
 * after an id rather than acting on the notifications themselves is what makes a lost
 * notification harmless: the next read, whatever caused it, replays everything since.
 */
export async function startChangeFeed(options: {
  db: Kysely<Database>;
  log: Logger;
  pollMs: number;
  listeners: ChangeListener[];
  /** A source of wake-ups; given the feed's wake, returns how to stop it. */
  wakeups?: (wake: () => void) => { stop(): Promise<void> };
}): Promise<ChangeFeed> {
  let lastId = await latestChangeId(options.db);
  let failures = 0;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  // Applies rows until one fails; true when every row read was applied.
  const apply = async (rows: ChangeRow[]): Promise<boolean> => {
    for (const row of rows) {
      try {
        for (const listener of options.listeners) await listener(row.change, row);
      } catch (error) {
        failures += 1;
        if (failures < ATTEMPTS) {
          options.log.warn({ err: error, change: row.id }, 'applying a change failed; trying again');
          return false;
        }
        options.log.error({ err: error, change: row }, 'applying a change failed repeatedly; skipped');
      }
      failures = 0;
      lastId = row.id;
    }
    return true;
  };

  const readAll = async () => {
    do {
      again = false;
      for (;;) {
        const rows = await changesAfter(options.db, lastId, BATCH);
        if (!(await apply(rows)) || rows.length < BATCH) break;
      }
    } while (again && !stopped);
  };

  const catchUp = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      // A read under way may have started before the change that woke us committed.
      again = true;
      return running;
    }
    running = readAll()
      .catch((error: unknown) => {
        options.log.warn({ err: error }, 'reading the change log failed; retrying at the next poll');
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const wake = () => void catchUp();
  const poll = setInterval(wake, options.pollMs);
  poll.unref();
  const wakeups = options.wakeups?.(wake);
  return {
    lastId: () => lastId,
    catchUp,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await wakeups?.stop();
      await running;
    },
  };
}
