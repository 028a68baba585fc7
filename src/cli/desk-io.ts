import fs from 'node:fs';
import pino, { type Logger } from 'pino';
import { createDeskDeps, type DeskDeps, type FollowedFeed, findFeed, listFeeds } from '../desk/index.js';
import type { Config } from '../platform/config.js';
import type { DatabaseHandle } from '../platform/database/index.js';
import { isDomainError } from '../platform/errors.js';

// What `velocity sources …` and `velocity ingest` share: their surroundings, their refusals and
// the look-ups of a feed by what the person typed.

/** What the desk commands need from their surroundings, so tests and main.ts can hand it in. */
export interface DeskCommandIo {
  config: () => Config;
  openDatabase: (config: Config) => Promise<DatabaseHandle>;
  /** A line for standard output. */
  out: (text: string) => void;
  /** Text for standard output as it is (an OPML document). */
  write: (text: string) => void;
  /** A line for standard error. */
  err: (text: string) => void;
  /** Where progress bars go (standard error); a bar is drawn only when it is a terminal. */
  progressStream: NodeJS.WritableStream & { isTTY?: boolean };
  now: () => Date;
  /** Once aborted (Ctrl-C), a refresh starts no further feed; those under way finish and are recorded. */
  signal?: AbortSignal;
  /** The desk's logger; by default errors only, on standard error, so they do not mix with output. */
  log?: (config: Config) => Logger;
}

/** A refusal the person at the terminal can act on; 1 when refused, 2 for wrong usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Errors only, on standard error, so log lines do not break a progress bar or mix with output. */
export function quietLog(config: Config): Logger {
  // A failed feed is in the summary already; its warning would only break the progress bar.
  const level = ['debug', 'trace', 'silent'].includes(config.LOG_LEVEL) ? config.LOG_LEVEL : 'error';
  return pino({ level, base: undefined }, pino.destination({ fd: 2, sync: true }));
}

/** Opens the database and the desk over it, runs `use`, and closes the database. */
export async function withDesk<T>(io: DeskCommandIo, use: (deps: DeskDeps, config: Config) => Promise<T>) {
  const config = io.config();
  const database = await io.openDatabase(config);
  try {
    const log = (io.log ?? quietLog)(config);
    return await use(createDeskDeps({ db: database.db, config, log, now: io.now }), config);
  } finally {
    await database.close();
  }
}

/** The bytes of a file the person named, or a one-line refusal saying why not. */
export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new CliError(`Cannot read ${file}: ${why}.`);
  }
}

/** Refuses anything but an absolute http(s) address before the desk is even opened. */
export function requireHttpUrl(input: string, what: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new CliError(
      `${what} must be a web address such as https://example.com/feed.xml, not "${input}".`,
      2,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(
      `${what} must be an http or https address, not ${url.protocol.slice(0, -1)}: ${input}`,
      2,
    );
  return url.href;
}

/** The followed feed named by its id (as `sources list` shows it) or by its feed URL. */
export async function resolveFeed(deps: DeskDeps, input: string): Promise<FollowedFeed> {
  if (/^\d+$/.test(input)) {
    const feed = await findFeed(deps.db, Number(input));
    if (feed) return feed;
    throw new CliError(`No followed feed has id ${input}. \`velocity sources list\` shows them.`);
  }
  let href: string | null = null;
  try {
    href = new URL(input).href;
  } catch {
    throw new CliError(
      `"${input}" is neither a feed id nor a feed URL. \`velocity sources list\` shows them.`,
      2,
    );
  }
  const feed = (await listFeeds(deps.db)).find((f) => f.feedUrl === input || f.feedUrl === href);
  if (feed) return feed;
  throw new CliError(`No followed feed at ${input}. \`velocity sources list\` shows them.`);
}

/** Maps refusals to one line and an exit code: 1 refused, 2 wrong usage; anything else is a bug. */
export async function runCliSafely(io: DeskCommandIo, help: string, body: () => Promise<number>) {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\n\n${help}`);
      return 2;
    }
    // The desk's own refusals (no feed at the address, a blocked address, a broken document).
    if (isDomainError(error)) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
