import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type DeskDeps,
  exportOpml,
  type FollowedFeed,
  followFeed,
  importOpml,
  listFeeds,
  type RefreshReport,
  refreshFeeds,
  unfollowFeed,
} from '../desk/index.js';
import { isDomainError } from '../platform/errors.js';
import {
  CliError,
  type DeskCommandIo,
  readInputFile,
  requireHttpUrl,
  resolveFeed,
  runCliSafely,
  withDesk,
} from './desk-io.js';
import { createProgress } from './progress.js';
import { groupHelp, subcommandHelp } from './subcommands.js';
import { textTable } from './text-table.js';

// `velocity sources …`: the desk's followed feeds from the terminal, for a first import of an
// OPML list, a quick look at which feeds fail, and a refresh without waiting for the scheduler.

const SUBCOMMANDS = {
  add: {
    usage: 'velocity sources add URL [--title TITLE] [--folder A/B]',
    summary: 'Follow a feed, or the feed a page names with <link rel="alternate">, and take in its items.',
    details: 'FOLDER is a path of folders separated by "/", as in an OPML list.',
  },
  list: {
    usage: 'velocity sources list [--json]',
    summary: 'List followed feeds: id, title, feed URL, state, last success, last error, items.',
    details: 'With --json, one JSON array with every field, for scripts.',
  },
  remove: {
    usage: 'velocity sources remove ID|URL',
    summary: 'Stop following a feed; its items go with it.',
    details: '',
  },
  'import-opml': {
    usage: 'velocity sources import-opml FILE [--refresh]',
    summary: 'Follow every feed of an OPML subscription list (folders kept).',
    details:
      'The feeds are due at once: the scheduler of `velocity serve` or `velocity worker` fetches them, or --refresh fetches them now.',
  },
  'export-opml': {
    usage: 'velocity sources export-opml [FILE]',
    summary: 'Write the followed feeds as an OPML 2.0 list, to FILE or to standard output.',
    details: 'Feeds ingested from files (no address) are left out.',
  },
  refresh: {
    usage: 'velocity sources refresh [ID|URL …] [--all] [--concurrency N]',
    summary: 'Refresh the named feeds, or every due one; --all refreshes every active feed now.',
    details:
      'Ends with a summary; exits 1 when any feed failed. N feeds are fetched at a time (default 8), within the per-host limits.',
  },
} as const;

type Subcommand = keyof typeof SUBCOMMANDS;

export function sourcesHelp(): string {
  return groupHelp('sources', SUBCOMMANDS);
}

function helpOf(name: Subcommand): string {
  return subcommandHelp(SUBCOMMANDS[name]);
}

const OPTIONS = {
  add: { title: { type: 'string' }, folder: { type: 'string' } },
  list: { json: { type: 'boolean' } },
  remove: {},
  'import-opml': { refresh: { type: 'boolean' } },
  'export-opml': {},
  refresh: { all: { type: 'boolean' }, concurrency: { type: 'string' } },
} as const;

/** How many positional arguments each subcommand takes: [at least, at most]. */
const POSITIONALS: Record<Subcommand, [number, number]> = {
  add: [1, 1],
  list: [0, 0],
  remove: [1, 1],
  'import-opml': [1, 1],
  'export-opml': [0, 1],
  refresh: [0, Number.POSITIVE_INFINITY],
};

const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);
const minute = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '-');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listing(feeds: FollowedFeed[]): string {
  return textTable([
    ['ID', 'TITLE', 'FEED URL', 'STATE', 'LAST SUCCESS (UTC)', 'LAST ERROR', 'ITEMS'],
    ...feeds.map((f) => [
      String(f.id),
      clip(f.title, 40),
      f.feedUrl,
      f.state,
      minute(f.lastSuccessAt),
      clip(f.lastError.replace(/\s+/g, ' '), 50) || '-',
      String(f.itemCount),
    ]),
  ]);
}

/** The closing lines of a refresh run: how many feeds went which way, then each failure. */
function refreshSummary(reports: RefreshReport[], feeds: Map<number, FollowedFeed>): string[] {
  const count = (outcome: RefreshReport['outcome']) => reports.filter((r) => r.outcome === outcome).length;
  let newItems = 0;
  let clustersJoined = 0;
  for (const r of reports)
    if (r.outcome === 'updated') {
      newItems += r.newItems;
      clustersJoined += r.clustersJoined;
    }
  const busy = count('busy');
  const missing = count('missing');
  const lines = [
    `Refreshed ${plural(reports.length, 'feed')}: ${count('updated')} updated, ${count('not-modified')} not modified, ${count('failed')} failed` +
      `${busy > 0 ? `, ${busy} busy in another process` : ''}${missing > 0 ? `, ${missing} no longer followed` : ''}.`,
    `${plural(newItems, 'new item')}; ${plural(clustersJoined, 'item')} joined a cluster of the same news.`,
  ];
  const failed = reports.filter((r) => r.outcome === 'failed');
  if (failed.length > 0) {
    lines.push('Failed:');
    for (const r of failed.sort((a, b) => a.feedId - b.feedId)) {
      const feed = feeds.get(r.feedId);
      lines.push(
        `  ${r.feedId}  ${feed ? `${clip(feed.title, 40)} <${feed.feedUrl}>` : '(removed)'}: ${r.error}`,
      );
    }
  }
  return lines;
}

/** Refreshes with a bar on a terminal, prints the summary; 1 when any feed failed. */
async function refreshWithSummary(
  deps: DeskDeps,
  io: DeskCommandIo,
  options: { feedIds?: number[]; concurrency: number },
): Promise<number> {
  if (options.feedIds?.length === 0) return 0;
  const progress = createProgress(io.progressStream, 'Refreshing feeds');
  let reports: RefreshReport[];
  try {
    reports = await refreshFeeds(deps, {
      concurrency: options.concurrency,
      ...(options.feedIds ? { feedIds: options.feedIds } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (_report, done, total) => {
        if (done === 1) progress.start(total);
        progress.update(done);
      },
    });
  } finally {
    progress.stop();
  }
  if (reports.length === 0) {
    io.out('No feed is due for a refresh. `velocity sources refresh --all` refreshes every active feed now.');
    return 0;
  }
  const feeds = new Map((await listFeeds(deps.db)).map((f) => [f.id, f]));
  for (const line of refreshSummary(reports, feeds)) io.out(line);
  return reports.some((r) => r.outcome === 'failed') ? 1 : 0;
}

function folderPath(input: string | undefined): string[] {
  return (input ?? '')
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean);
}

function concurrencyOf(input: string | undefined): number {
  if (input === undefined) return 8;
  const n = Number(input);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new CliError(`--concurrency takes a whole number from 1 to 64, not "${input}".`, 2);
  return n;
}

async function run(name: Subcommand, args: string[], io: DeskCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { help: { type: 'boolean', short: 'h' }, ...OPTIONS[name] },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(helpOf(name));
    return 0;
  }
  const opts = values as Record<string, string | boolean | undefined>;
  const [least, most] = POSITIONALS[name];
  if (positionals.length < least || positionals.length > most)
    throw new CliError(
      `${positionals.length < least ? 'Missing' : 'Too many'} arguments.\n\n${helpOf(name)}`,
      2,
    );
  const [first = ''] = positionals;
  // Check what can be checked before the database is opened.
  const url = name === 'add' ? requireHttpUrl(first, 'The feed') : '';
  const concurrency = name === 'refresh' ? concurrencyOf(opts.concurrency as string | undefined) : 8;
  if (name === 'refresh' && opts.all && positionals.length > 0)
    throw new CliError('Give feed ids or --all, not both.', 2);
  const opml = name === 'import-opml' ? readInputFile(first) : null;

  return withDesk(io, async (deps, config) => {
    switch (name) {
      case 'add': {
        const title = (opts.title as string | undefined)?.trim();
        const { feed, created, newItems } = await followFeed(deps, url, {
          ...(title ? { title } : {}),
          folder: folderPath(opts.folder as string | undefined),
        });
        io.out(
          created
            ? `Following "${feed.title}" (id ${feed.id}) at ${feed.feedUrl}; ${plural(newItems, 'item')} taken in.`
            : `Already following "${feed.title}" (id ${feed.id}) at ${feed.feedUrl}.`,
        );
        return 0;
      }
      case 'list': {
        const feeds = await listFeeds(deps.db);
        if (opts.json) io.out(JSON.stringify(feeds, null, 2));
        else if (feeds.length === 0) io.out('No feeds followed yet. Follow one: velocity sources add URL');
        else io.out(listing(feeds));
        return 0;
      }
      case 'remove': {
        const feed = await resolveFeed(deps, first);
        await unfollowFeed(deps, feed.id);
        io.out(
          `Stopped following "${feed.title}" (id ${feed.id}); ${plural(feed.itemCount, 'item')} removed.`,
        );
        return 0;
      }
      case 'import-opml': {
        let report: Awaited<ReturnType<typeof importOpml>>;
        try {
          report = await importOpml(deps, opml ?? new Uint8Array());
        } catch (error) {
          if (isDomainError(error)) throw new CliError(`Cannot read ${first} as OPML: ${error.message}`);
          throw error;
        }
        io.out(
          `Imported ${first}: ${plural(report.added.length, 'feed')} added, ${report.existing.length} already followed, ${report.skipped.length} skipped.`,
        );
        for (const s of report.skipped) io.out(`  skipped ${s.url ?? s.text ?? '(an outline)'}: ${s.reason}`);
        if (!opts.refresh) {
          if (report.added.length > 0)
            io.out(
              'They are due now: `velocity sources refresh` fetches them, as does the running scheduler.',
            );
          return 0;
        }
        return refreshWithSummary(deps, io, { feedIds: report.added.map((f) => f.id), concurrency });
      }
      case 'export-opml': {
        const document = await exportOpml(deps, `Feeds followed by ${config.siteUrl}`);
        const count = (await listFeeds(deps.db)).filter((f) => f.state !== 'manual').length;
        if (positionals[0]) {
          try {
            fs.writeFileSync(positionals[0], document);
          } catch (error) {
            throw new CliError(`Cannot write ${positionals[0]}: ${(error as Error).message}`);
          }
          io.err(`Exported ${plural(count, 'feed')} to ${positionals[0]}.`);
        } else io.write(document);
        return 0;
      }
      case 'refresh': {
        let feedIds: number[] | undefined;
        if (opts.all)
          feedIds = (await listFeeds(deps.db)).filter((f) => f.state === 'active').map((f) => f.id);
        else if (positionals.length > 0) {
          feedIds = [];
          for (const input of positionals) feedIds.push((await resolveFeed(deps, input)).id);
          feedIds = [...new Set(feedIds)];
        }
        if (feedIds?.length === 0) {
          io.out('No active feed to refresh. Follow one: velocity sources add URL');
          return 0;
        }
        return refreshWithSummary(deps, io, { ...(feedIds ? { feedIds } : {}), concurrency });
      }
    }
  });
}

/** `velocity sources <subcommand> …`; returns the exit code (0 done, 1 refused or failed, 2 wrong usage). */
export async function runSourcesCommand(args: string[], io: DeskCommandIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(sourcesHelp());
    return name ? 0 : 2;
  }
  if (!(name in SUBCOMMANDS)) {
    io.err(`Unknown subcommand "sources ${name}".\n\n${sourcesHelp()}`);
    return 2;
  }
  return runCliSafely(io, helpOf(name as Subcommand), () => run(name as Subcommand, rest, io));
}
