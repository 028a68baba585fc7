import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusFile } from '../../test/support/corpus.js';
import { type FeedServer, rss, startFeedServer } from '../../test/support/feed-server.js';
import { type FollowedFeed, parseFeedDocument } from '../desk/index.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import type { DeskCommandIo } from './desk-io.js';
import { runIngestCommand } from './ingest.js';
import { openMigratedDatabase } from './runtime.js';
import { runSourcesCommand } from './sources.js';

// `velocity sources …` and `velocity ingest` called in process, as main.ts calls them, against a
// SQLite file in a temporary DATA_DIR and feeds served from 127.0.0.1 (allowed through
// DESK_ALLOW_HOSTS, as an operator would allow an internal mirror).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS_FEED = 'feeds/valid/nnw--daringfireball.rss.xml';

interface Ran {
  code: number;
  out: string;
  err: string;
  progress: string;
}

let server: FeedServer;
const dirs: string[] = [];

function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-sources-'));
  dirs.push(dir);
  return dir;
}

/** The CLI over one data folder; `tty` stands in a terminal for standard error. */
function cli(dataDir: string) {
  const call = async (
    command: (args: string[], io: DeskCommandIo) => Promise<number>,
    args: string[],
    options: { tty?: boolean } = {},
  ): Promise<Ran> => {
    const out: string[] = [];
    const err: string[] = [];
    let progress = '';
    const stream = Object.assign(new PassThrough(), { isTTY: options.tty === true, columns: 100 });
    stream.on('data', (chunk: Buffer) => {
      progress += chunk.toString('utf8');
    });
    const code = await command(args, {
      config: () =>
        loadConfig({
          DATA_DIR: dataDir,
          SITE_URL: 'https://news.example.test',
          LOG_LEVEL: 'silent',
          DESK_ALLOW_HOSTS: server.host,
          DESK_HOST_DELAY_MS: '0',
          DESK_FULL_TEXT: 'false',
        }),
      openDatabase: openMigratedDatabase,
      out: (text) => out.push(`${text}\n`),
      write: (text) => out.push(text),
      err: (text) => err.push(`${text}\n`),
      progressStream: stream,
      now: () => new Date(),
      log: () => createLogger('silent'),
    });
    return { code, out: out.join(''), err: err.join(''), progress };
  };
  return {
    sources: (args: string[], options?: { tty?: boolean }) => call(runSourcesCommand, args, options),
    ingest: (args: string[], options?: { tty?: boolean }) => call(runIngestCommand, args, options),
    async feeds(): Promise<FollowedFeed[]> {
      const listed = await call(runSourcesCommand, ['list', '--json']);
      return JSON.parse(listed.out) as FollowedFeed[];
    },
  };
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toUTCString();
const techItems = [
  {
    title: 'Nvidia ships a new data-centre accelerator',
    link: 'https://tech.example/nvidia-accelerator',
    description:
      'Nvidia said on Tuesday that its new data-centre accelerator is shipping to cloud providers, with twice the memory of the previous generation and lower power draw per token.',
    pubDate: hoursAgo(5),
  },
  {
    title: 'An open-weights model tops the coding benchmark',
    link: 'https://tech.example/open-weights',
    description: 'A lab released an open-weights model that leads a popular coding benchmark.',
    pubDate: hoursAgo(4),
  },
];
const wireItem = {
  title: 'Nvidia ships a new data-centre accelerator',
  link: 'https://wire.example/nvidia',
  description: techItems[0]?.description ?? '',
  pubDate: hoursAgo(3),
};
const oneLine = (text: string) => text.trim().split('\n').length === 1 && !/^\s+at /m.test(text);

describe('velocity sources and velocity ingest', { timeout: 60_000 }, () => {
  let main: ReturnType<typeof cli>;

  beforeAll(async () => {
    server = await startFeedServer();
    server.serve('/tech/feed.xml', rss('Tech Daily', 'https://tech.example/', techItems));
    server.serve(
      '/tech/',
      `<!doctype html><html><head><title>Tech Daily</title><link rel="alternate" type="application/rss+xml" href="/tech/feed.xml"></head><body><p>Front page</p></body></html>`,
      'text/html; charset=utf-8',
    );
    server.serve('/wire.xml', rss('Wire', 'https://wire.example/', [wireItem]));
    main = cli(newDataDir());
  });
  afterAll(async () => {
    await server.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains itself and refuses an unknown subcommand', async () => {
    const help = await main.sources(['--help']);
    expect(help.code).toBe(0);
    for (const sub of ['add', 'list', 'remove', 'import-opml', 'export-opml', 'refresh'])
      expect(help.out).toContain(`velocity sources ${sub}`);
    const unknown = await main.sources(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Unknown subcommand "sources frobnicate"/);
    expect((await main.ingest(['--help'])).out).toContain('velocity ingest --file PATH [--feed-url URL]');
  });

  it('follows a feed through the page that names it, with a title and a folder', async () => {
    const added = await main.sources([
      'add',
      `${server.base}/tech/`,
      '--title',
      'Tech',
      '--folder',
      'News / AI',
    ]);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(
      /^Following "Tech" \(id \d+\) at http:\/\/127\.0\.0\.1:\d+\/tech\/feed\.xml; 2 items/,
    );
    const again = await main.sources(['add', `${server.base}/tech/feed.xml`]);
    expect(again.out).toMatch(/^Already following "Tech"/);
    const wire = await main.sources(['add', `${server.base}/wire.xml`]);
    expect(wire.code).toBe(0);
    expect(wire.out).toContain('"Wire"');
  });

  it('lists the feeds as a table and as JSON', async () => {
    const text = await main.sources(['list']);
    expect(text.code).toBe(0);
    const [header, ...rows] = text.out.trim().split('\n');
    expect(header).toMatch(/^ID\s+TITLE\s+FEED URL\s+STATE\s+LAST SUCCESS \(UTC\)\s+LAST ERROR\s+ITEMS$/);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('/tech/feed.xml'))).toMatch(
      /Tech\s+http\S+\s+active\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+-\s+2$/,
    );
    const feeds = await main.feeds();
    expect(feeds.map((f) => [f.title, f.folder, f.itemCount, f.state])).toEqual([
      ['Tech', ['News', 'AI'], 2, 'active'],
      ['Wire', [], 1, 'active'],
    ]);
  });

  it('refreshes: nothing due, then a 304 thanks to the ETag, then the new items', async () => {
    const nothing = await main.sources(['refresh']);
    expect(nothing.code).toBe(0);
    expect(nothing.out).toMatch(/^No feed is due/);

    const before = server.requests.length;
    const unchanged = await main.sources(['refresh', '--all']);
    expect(unchanged.code).toBe(0);
    expect(unchanged.out).toContain('Refreshed 2 feeds: 0 updated, 2 not modified, 0 failed.');
    const conditional = server.requests.slice(before);
    expect(conditional.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);

    server.serve(
      '/tech/feed.xml',
      rss('Tech Daily', 'https://tech.example/', [
        ...techItems,
        {
          title: 'A chip start-up raises a round',
          link: 'https://tech.example/start-up',
          description: 'A start-up designing inference chips raised a new round of funding this week.',
          pubDate: hoursAgo(1),
        },
      ]),
    );
    const [tech] = await main.feeds();
    const updated = await main.sources(['refresh', String(tech?.id)]);
    expect(updated.code).toBe(0);
    expect(updated.out).toContain('Refreshed 1 feed: 1 updated, 0 not modified, 0 failed.');
    expect(updated.out).toContain('1 new item;');
    expect((await main.sources(['refresh', `${server.base}/tech/feed.xml`])).out).toContain('1 not modified');
  });

  it('counts an item that reports the news of another feed as joining its cluster', async () => {
    const other = cli(newDataDir());
    await other.sources(['add', `${server.base}/tech/feed.xml`]);
    const opml = path.join(newDataDir(), 'wire.opml');
    fs.writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline type="rss" text="Wire" xmlUrl="${server.base}/wire.xml"/></body></opml>`,
    );
    const imported = await other.sources(['import-opml', opml, '--refresh']);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('1 feed added, 0 already followed, 0 skipped.');
    expect(imported.out).toContain('Refreshed 1 feed: 1 updated');
    expect(imported.out).toContain('1 new item; 1 item joined a cluster of the same news.');
  });

  it('reports a failing feed in the summary and exits 1', async () => {
    server.serve('/flaky.xml', rss('Flaky', 'https://flaky.example/', []));
    expect((await main.sources(['add', `${server.base}/flaky.xml`])).code).toBe(0);
    server.routes.set('/flaky.xml', (_req, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    const failed = await main.sources(['refresh', `${server.base}/flaky.xml`]);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('Refreshed 1 feed: 0 updated, 0 not modified, 1 failed.');
    expect(failed.out).toMatch(/^Failed:\n {2}\d+ {2}Flaky <http:\/\/127\.0\.0\.1:\d+\/flaky\.xml>: .*503/m);
    const flaky = (await main.feeds()).find((f) => f.title === 'Flaky');
    expect(flaky?.lastError).toMatch(/503/);
    expect((await main.sources(['list'])).out).toMatch(/Flaky .*503/);
  });

  it('draws a progress bar on a terminal only', async () => {
    const onTerminal = await main.sources(['refresh', '--all'], { tty: true });
    expect(onTerminal.progress).toContain('Refreshing feeds');
    const piped = await main.sources(['refresh', '--all']);
    expect(piped.progress).toBe('');
    expect(piped.out).toContain('Refreshed 3 feeds');
  });

  it('exports OPML and imports it into another database, folders kept', async () => {
    const printed = await main.sources(['export-opml']);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^<\?xml/);
    const file = path.join(newDataDir(), 'feeds.opml');
    const written = await main.sources(['export-opml', file]);
    expect(written.err).toBe(`Exported 3 feeds to ${file}.\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(printed.out);

    const copy = cli(newDataDir());
    const imported = await copy.sources(['import-opml', file]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('3 feeds added, 0 already followed, 0 skipped.');
    expect(imported.out).toContain('They are due now');
    const summary = (feeds: FollowedFeed[]) => feeds.map((f) => [f.feedUrl, f.title, f.folder]).sort();
    expect(summary(await copy.feeds())).toEqual(summary(await main.feeds()));
    expect((await copy.sources(['import-opml', file])).out).toContain('0 feeds added, 3 already followed');
    expect((await copy.sources(['export-opml'])).out.replace(/<dateCreated>.*<\/dateCreated>/, '')).toBe(
      printed.out.replace(/<dateCreated>.*<\/dateCreated>/, ''),
    );
  });

  it('removes a feed by URL and by id', async () => {
    const byUrl = await main.sources(['remove', `${server.base}/flaky.xml`]);
    expect(byUrl.code).toBe(0);
    expect(byUrl.out).toMatch(/^Stopped following "Flaky" \(id \d+\); 0 items removed\./);
    const wire = (await main.feeds()).find((f) => f.title === 'Wire');
    const byId = await main.sources(['remove', String(wire?.id)]);
    expect(byId.out).toContain('Stopped following "Wire"');
    expect((await main.feeds()).map((f) => f.title)).toEqual(['Tech']);
  });

  it('ingests a saved corpus feed, once', async () => {
    const file = path.join(CORPUS, CORPUS_FEED);
    const items = parseFeedDocument(corpusFile(CORPUS_FEED), { now: new Date() }).items.length;
    const first = await main.ingest(['--file', file], { tty: true });
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`^Ingested .+: ${items} items, ${items} new, \\d+ joined`));
    expect(first.progress).toContain('Ingesting items');
    const again = await main.ingest(['--file', file]);
    expect(again.out).toContain(`${items} items, 0 new`);
    const ingested = (await main.feeds()).find((f) => f.state === 'manual');
    expect(ingested).toMatchObject({ feedUrl: `file:${file}`, itemCount: items });
    // A feed kept for a file is never fetched, and is left out of the OPML list.
    expect((await main.sources(['export-opml'])).out).not.toContain('file:');

    const underFeed = await main.ingest(['--file', file, '--feed-url', `${server.base}/mirror.xml`]);
    expect(underFeed.code).toBe(0);
    expect((await main.feeds()).find((f) => f.feedUrl === `${server.base}/mirror.xml`)).toMatchObject({
      state: 'active',
      itemCount: items,
    });
  });

  it.each([
    [
      'a URL that is not http(s)',
      ['add', 'ftp://example.com/feed.xml'],
      2,
      /^The feed must be an http or https address/,
    ],
    ['a URL that is not a URL', ['add', 'example.com/feed'], 2, /^The feed must be a web address/],
    ['a missing URL', ['add'], 2, /^Missing arguments\./],
    ['an unknown option', ['list', '--colour'], 2, /Unknown option '--colour'/],
    ['an unknown id', ['remove', '999'], 1, /^No followed feed has id 999\./],
    ['an unknown feed URL', ['refresh', 'https://nowhere.example/feed'], 1, /^No followed feed at https:/],
    ['ids with --all', ['refresh', '1', '--all'], 2, /^Give feed ids or --all, not both\./],
    [
      'a missing OPML file',
      ['import-opml', '/nonexistent/list.opml'],
      1,
      /^Cannot read \/nonexistent\/list\.opml: no such file\.\n$/,
    ],
    [
      'a private address not allowed',
      ['add', 'http://10.0.0.1/feed.xml'],
      1,
      /^Refusing http:\/\/10\.0\.0\.1/,
    ],
  ])('refuses %s in one line', async (_, args, code, message) => {
    const result = await main.sources(args);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    if (code === 1) expect(oneLine(result.err)).toBe(true);
    expect(result.out).toBe('');
  });

  it('refuses a page that names no feed', async () => {
    server.serve('/plain.html', '<!doctype html><title>Plain</title><p>No feeds here.</p>', 'text/html');
    const result = await main.sources(['add', `${server.base}/plain.html`]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^No feed found at http:\/\/127\.0\.0\.1:\d+\/plain\.html/);
    expect(oneLine(result.err)).toBe(true);
  });

  it('refuses an unreadable OPML file and a file that is not a feed', async () => {
    const junk = path.join(newDataDir(), 'junk.opml');
    fs.writeFileSync(junk, 'this is not a subscription list');
    const opml = await main.sources(['import-opml', junk]);
    expect(opml.code).toBe(1);
    expect(opml.err).toMatch(/^Cannot read .*junk\.opml as OPML: /);
    expect(oneLine(opml.err)).toBe(true);
    const feed = await main.ingest(['--file', junk]);
    expect(feed.code).toBe(1);
    expect(feed.err).toMatch(/^Cannot ingest .*junk\.opml: /);
    expect(oneLine(feed.err)).toBe(true);
    expect((await main.ingest(['--file', '/nonexistent/feed.xml'])).err).toBe(
      'Cannot read /nonexistent/feed.xml: no such file.\n',
    );
    expect((await main.ingest([])).code).toBe(2);
    expect((await main.ingest(['--file', junk, '--feed-url', 'file:///etc/passwd'])).code).toBe(2);
  });

  it('is wired into the velocity command (one spawned run)', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'sources', 'add', 'gopher://x'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: newDataDir(), LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('The feed must be an http or https address, not gopher: gopher://x\n');
  });
});
