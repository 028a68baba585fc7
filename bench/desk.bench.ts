// The source desk's benchmark. (a) Items parsed per second over every feed of the corpus's
// feeds/valid, beside feedsmith's own parse of the same decoded strings (the library the desk's
// parser builds on: the ratio is the cost of decoding, the safety checks and normalisation).
// (b) One refresh of 500 feeds served from 127.0.0.1 into a fresh SQLite file: fetch, parse,
// store, analyse and cluster 10,000 items; beside it the second refresh, where every answer is a
// 304 (the floor a refresh cannot go below: claims, conditional GETs, bookkeeping).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from 'feedsmith';
import {
  createDeskDeps,
  decodeFeedBytes,
  generateOpmlDocument,
  importOpml,
  parseFeedDocument,
  type RefreshReport,
  refreshFeeds,
} from '../src/desk/index.js';
import { loadConfig } from '../src/platform/config.js';
import { migrateToLatest, openDatabase } from '../src/platform/database/index.js';
import { createLogger } from '../src/platform/logger.js';
import { corpusFile, corpusFiles } from '../test/support/corpus.js';
import { ITEMS_PER_FEED, startBenchFeedServer } from './desk-feeds.js';

const PARSE_SECONDS = Number(process.env.BENCH_PARSE_SECONDS ?? 3);
const FEEDS = Number(process.env.BENCH_FEEDS ?? 500);
const CONCURRENCY = 8;

export interface DeskBenchFigures {
  parse: { files: number; items: number; itemsPerSecond: number; baselineItemsPerSecond: number };
  refresh: {
    feeds: number;
    items: number;
    seconds: number;
    notModifiedSeconds: number;
    clustersJoined: number;
    /** CPU time of this process (user + system) over the first refresh: on a busy machine, the steadier figure. */
    cpuSeconds: number;
    rssBeforeBytes: number;
    peakRssBytes: number;
  };
}

/**
 * Runs the two rounds in turn until `seconds` have passed for each (at least 3 rounds each) and
 * returns seconds per round of each. Taking turns spreads the machine's other load over both.
 */
function secondsPerRound(a: () => void, b: () => void, seconds: number): [number, number] {
  a(); // warm-up
  b();
  const spent = [0, 0];
  let rounds = 0;
  while (rounds < 3 || (spent[0] ?? 0) + (spent[1] ?? 0) < 2 * seconds * 1000) {
    for (const [i, round] of [a, b].entries()) {
      const started = performance.now();
      round();
      spent[i] = (spent[i] ?? 0) + performance.now() - started;
    }
    rounds++;
  }
  return [(spent[0] ?? 0) / 1000 / rounds, (spent[1] ?? 0) / 1000 / rounds];
}

function benchParse(): DeskBenchFigures['parse'] {
  const now = new Date('2026-01-01T00:00:00Z');
  const documents = corpusFiles('feeds/valid').map((file) => {
    const bytes = corpusFile(file);
    return { bytes, text: decodeFeedBytes(bytes).text };
  });
  // Only what feedsmith reads on its own is timed on both sides, so both parse the same set.
  const both = documents.filter((d) => {
    try {
      parseFeed(d.text);
      return true;
    } catch {
      return false;
    }
  });
  const items = both.reduce((sum, d) => sum + parseFeedDocument(d.bytes, { now }).items.length, 0);
  const [ours, baseline] = secondsPerRound(
    () => {
      for (const d of both) parseFeedDocument(d.bytes, { now });
    },
    () => {
      for (const d of both) parseFeed(d.text);
    },
    PARSE_SECONDS,
  );
  if (both.length < documents.length)
    console.log(
      `  (${documents.length - both.length} of ${documents.length} files left out: feedsmith alone refuses them)`,
    );
  return {
    files: both.length,
    items,
    itemsPerSecond: items / ours,
    baselineItemsPerSecond: items / baseline,
  };
}

/** Samples the resident set every 20 ms while `run` runs; returns its result and the peak. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakRssBytes: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  try {
    const result = await run();
    return { result, peakRssBytes: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

async function benchRefresh(): Promise<DeskBenchFigures['refresh']> {
  const now = new Date();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-desk-bench-'));
  const server = await startBenchFeedServer(FEEDS, now);
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'velocity.db') });
  try {
    await migrateToLatest(handle.db as never, 'sqlite');
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DESK_ALLOW_HOSTS: server.host,
      DESK_HOST_DELAY_MS: '0',
      // Every feed is on one local host here; the per-host limit would otherwise cap the run at 2.
      DESK_HOST_CONCURRENCY: String(CONCURRENCY),
      DESK_FULL_TEXT: 'false',
    });
    const deps = createDeskDeps({ db: handle.db, config, log: createLogger('silent') });
    const opml = generateOpmlDocument({
      title: 'bench',
      now,
      feeds: server.feedUrls.map((feedUrl) => ({ feedUrl })),
    });
    const { added } = await importOpml(deps, new TextEncoder().encode(opml));
    // The language detector loads once per process; load it before the clock starts.
    await deps.loadLanguageDetector();

    const rssBeforeBytes = process.memoryUsage.rss();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { result: first, peakRssBytes } = await withPeakRss(() =>
      refreshFeeds(deps, { concurrency: CONCURRENCY }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = process.cpuUsage(cpu);
    const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
    const again = performance.now();
    const second = await refreshFeeds(deps, { concurrency: CONCURRENCY, feedIds: added.map((f) => f.id) });
    const notModifiedSeconds = (performance.now() - again) / 1000;

    const outcomes = (reports: RefreshReport[], outcome: RefreshReport['outcome']) =>
      reports.filter((r) => r.outcome === outcome).length;
    if (outcomes(first, 'updated') !== FEEDS || outcomes(second, 'not-modified') !== FEEDS) {
      const failure = [...first, ...second].find((r) => r.outcome === 'failed');
      throw new Error(
        `expected ${FEEDS} updated, then ${FEEDS} not modified; got ${outcomes(first, 'updated')} and ${outcomes(second, 'not-modified')}` +
          (failure?.outcome === 'failed' ? ` (first failure: ${failure.error})` : ''),
      );
    }
    let items = 0;
    let clustersJoined = 0;
    for (const r of first)
      if (r.outcome === 'updated') {
        items += r.newItems;
        clustersJoined += r.clustersJoined;
      }
    return {
      feeds: FEEDS,
      items,
      seconds,
      notModifiedSeconds,
      clustersJoined,
      cpuSeconds,
      rssBeforeBytes,
      peakRssBytes,
    };
  } finally {
    await handle.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function printFigures({ parse, refresh }: DeskBenchFigures): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const perSecond = (n: number, seconds: number) => (n / seconds).toFixed(0);
  console.log('');
  console.log(`feed parsing, ${parse.files} corpus files, ${parse.items} items:`);
  console.log(
    `  feedsmith parseFeed on the decoded text   ${parse.baselineItemsPerSecond.toFixed(0)} items/s`,
  );
  console.log(`  parseFeedDocument from the raw bytes      ${parse.itemsPerSecond.toFixed(0)} items/s`);
  console.log(
    `  ratio                                     ${(parse.itemsPerSecond / parse.baselineItemsPerSecond).toFixed(2)}`,
  );
  console.log(`refresh of ${refresh.feeds} local feeds, concurrency ${CONCURRENCY}, full text off:`);
  console.log(
    `  first refresh (all new)    ${refresh.seconds.toFixed(1)} s   ${perSecond(refresh.feeds, refresh.seconds)} feeds/s   ${perSecond(refresh.items, refresh.seconds)} items/s`,
  );
  console.log(
    `                             ${refresh.items} items stored, ${refresh.clustersJoined} joined a cluster; ${refresh.cpuSeconds.toFixed(1)} s of CPU (${((refresh.cpuSeconds * 1000) / refresh.items).toFixed(2)} ms an item)`,
  );
  console.log(
    `  second refresh (all 304)   ${refresh.notModifiedSeconds.toFixed(1)} s   ${perSecond(refresh.feeds, refresh.notModifiedSeconds)} feeds/s`,
  );
  console.log(`  ratio first/second         ${(refresh.seconds / refresh.notModifiedSeconds).toFixed(1)}`);
  console.log(
    `  memory: rss ${mb(refresh.rssBeforeBytes)} before the refresh, peak ${mb(refresh.peakRssBytes)} during it`,
  );
}

/** Runs both parts and prints their figures; returns them for a caller that wants them. */
export async function runDeskBench(): Promise<DeskBenchFigures> {
  console.log(`Desk: parsing every file of the corpus's feeds/valid, about ${PARSE_SECONDS} s a side…`);
  const parse = benchParse();
  console.log(
    `Desk: one refresh of ${FEEDS} local feeds (${ITEMS_PER_FEED} items each) into a fresh SQLite file…`,
  );
  const figures = { parse, refresh: await benchRefresh() };
  printFigures(figures);
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runDeskBench();
