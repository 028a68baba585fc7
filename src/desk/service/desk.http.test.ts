import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { eventually } from '../../../test/support/eventually.js';
import { seedTaxonomy } from '../../../test/support/factories.js';
import { type FeedServer, rss, startFeedServer } from '../../../test/support/feed-server.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { parseFeedDocument } from '../feeds/index.js';
import { findFeed, findItems, listClusterItems, listClusters, listFeeds } from '../store/index.js';
import type { DeskDeps } from './deps.js';
import { createDeskDeps } from './desk.js';
import { followFeed, importOpml, NoFeedFound, unfollowFeed } from './follow.js';
import { extractPendingItems } from './pending.js';
import { refreshFeed, refreshFeeds } from './refresh.js';

const T0 = new Date('2026-11-30T08:00:00Z');

// Two outlets report the same news in nearly the same words; a third reports something else.
const nvidiaStory = {
  title: 'Nvidia commits $26 billion to open AI models over five years',
  description:
    'Nvidia said on Monday it will spend $26 billion over five years on open AI models, releasing weights and training data for developers and researchers.',
};
const nvidiaRewrite = {
  title: 'Nvidia commits $26 billion to open AI models over the next five years',
  description:
    'Nvidia said Monday it would spend $26 billion over five years on open AI models, releasing the weights and training data to developers and researchers.',
};
const otherStory = {
  title: 'European regulators open an inquiry into cloud licensing practices',
  description:
    'Competition officials in Brussels began a formal inquiry into how large cloud providers license server software to smaller rivals.',
};

describe.each(DIALECTS)('the desk on %s', (dialect) => {
  let database: TestDatabase;
  let server: FeedServer;
  let deps: DeskDeps;
  let clock: Date;

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
  });

  async function setUp(env: Record<string, string> = {}) {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    clock = T0;
    const config = loadConfig({
      DATA_DIR: database.dataDir,
      SITE_URL: 'https://news.example.test',
      DESK_ALLOW_HOSTS: server.host,
      DESK_HOST_DELAY_MS: '0',
      DESK_FULL_TEXT: 'false',
      ...env,
    });
    deps = createDeskDeps({ db: database.db, config, log: createLogger('silent'), now: () => clock });
  }

  afterEach(async () => {
    server.routes.clear();
    server.requests.length = 0;
    await database?.destroy();
  });

  it('follows a feed found through a home page, and a second refresh gets a 304', async () => {
    await setUp();
    server.serve(
      '/',
      `<!doctype html><html><head><title>Wire</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body></body></html>`,
      'text/html; charset=utf-8',
    );
    server.serve(
      '/feed.xml',
      rss('The Wire', `${server.base}/`, [
        { ...nvidiaStory, link: `${server.base}/a/nvidia`, pubDate: 'Mon, 30 Nov 2026 06:00:00 GMT' },
        { ...otherStory, link: `${server.base}/a/cloud`, pubDate: 'Mon, 30 Nov 2026 05:00:00 GMT' },
      ]),
    );
    const followed = await followFeed(deps, `${server.base}/`);
    expect(followed).toMatchObject({ created: true, newItems: 2 });
    expect(followed.feed).toMatchObject({
      feedUrl: `${server.base}/feed.xml`,
      title: 'The Wire',
      itemCount: 2,
      lastError: '',
      lastSuccessAt: T0.toISOString(),
    });
    expect(followed.feed.etag).not.toBeNull();

    clock = new Date(T0.getTime() + 60 * 60_000);
    const report = await refreshFeed(deps, followed.feed.id);
    expect(report.outcome).toBe('not-modified');
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(followed.feed.etag);
    const feed = await findFeed(database.db, followed.feed.id);
    expect(feed).toMatchObject({ itemCount: 2, lastStatus: 304, lastSuccessAt: clock.toISOString() });
  });

  it('takes in only the new items when a feed changes', async () => {
    await setUp();
    const first = { ...otherStory, link: `${server.base}/a/cloud`, pubDate: 'Mon, 30 Nov 2026 05:00:00 GMT' };
    server.serve('/feed.xml', rss('Wire', server.base, [first]));
    const { feed } = await followFeed(deps, `${server.base}/feed.xml`);
    server.serve(
      '/feed.xml',
      rss('Wire', server.base, [
        { ...nvidiaStory, link: `${server.base}/a/nvidia`, pubDate: 'Mon, 30 Nov 2026 07:00:00 GMT' },
        first,
      ]),
    );
    clock = new Date(T0.getTime() + 31 * 60_000);
    const report = await refreshFeed(deps, feed.id);
    expect(report).toMatchObject({ outcome: 'updated', newItems: 1 });
    expect((await findFeed(database.db, feed.id))?.itemCount).toBe(2);
  });

  it('records a failing source, backs off, and recovers', async () => {
    await setUp();
    server.serve('/feed.xml', rss('Wire', server.base, []));
    const { feed } = await followFeed(deps, `${server.base}/feed.xml`);
    server.routes.set('/feed.xml', (_req, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    const failed = await refreshFeed(deps, feed.id);
    expect(failed.outcome).toBe('failed');
    const afterFailure = await findFeed(database.db, feed.id);
    expect(afterFailure).toMatchObject({ consecutiveFailures: 1, lastStatus: 503 });
    expect(afterFailure?.lastError).toContain('503');
    expect(afterFailure?.lastSuccessAt).toBe(T0.toISOString());
    expect(Date.parse(afterFailure?.nextFetchAt ?? '')).toBeGreaterThan(T0.getTime());
    // Not due again until the backoff has passed.
    expect(await refreshFeeds(deps)).toEqual([]);

    // Back with the same document: its ETag still matches what the desk kept from before.
    server.serve('/feed.xml', rss('Wire', server.base, []));
    clock = new Date(afterFailure?.nextFetchAt ?? '');
    const recovered = await refreshFeeds(deps);
    expect(recovered.map((r) => r.outcome)).toEqual(['not-modified']);
    expect(await findFeed(database.db, feed.id)).toMatchObject({ consecutiveFailures: 0, lastError: '' });
  });

  it('refuses a feed on a loopback address that is not allowed, and a page that names no feed', async () => {
    await setUp();
    await expect(followFeed(deps, 'http://127.0.0.2:9/feed.xml')).rejects.toThrow(/Refusing .*loopback/);
    server.serve('/plain', '<!doctype html><title>x</title><p>No feeds here.</p>', 'text/html');
    await expect(followFeed(deps, `${server.base}/plain`)).rejects.toBeInstanceOf(NoFeedFound);
    await expect(followFeed(deps, 'ftp://example.org/feed')).rejects.toThrow(/http/);
    expect(await listFeeds(database.db)).toEqual([]);
  });

  it('groups the same news from two outlets into one cluster and names the source the other cites', async () => {
    await setUp();
    const original = `${server.base}/wire/nvidia`;
    server.serve(
      '/wire.xml',
      rss('Wire', server.base, [
        { ...nvidiaStory, link: original, pubDate: 'Mon, 30 Nov 2026 06:00:00 GMT' },
        { ...otherStory, link: `${server.base}/wire/cloud`, pubDate: 'Mon, 30 Nov 2026 05:00:00 GMT' },
      ]),
    );
    server.serve(
      '/daily.xml',
      rss('Daily', server.base, [
        {
          title: nvidiaRewrite.title,
          description: `<p>${nvidiaRewrite.description} <a href="${original}">First reported by Wire</a>.</p>`,
          link: `${server.base}/daily/nvidia`,
          // Earlier than the wire's item: the earliest is not always the original.
          pubDate: 'Mon, 30 Nov 2026 05:30:00 GMT',
        },
      ]),
    );
    await followFeed(deps, `${server.base}/wire.xml`);
    await followFeed(deps, `${server.base}/daily.xml`);

    const { clusters, total } = await listClusters(
      database.db,
      { state: 'open', limit: 10, offset: 0 },
      clock,
    );
    expect(total).toBe(2);
    const nvidia = clusters.find((c) => c.itemCount === 2);
    expect(nvidia).toBeDefined();
    expect(nvidia).toMatchObject({ feedCount: 2, languages: ['en'] });
    const items = await listClusterItems(database.db, nvidia?.id ?? 0);
    const wire = items.find((i) => i.url === original);
    const daily = items.find((i) => i.url !== original);
    expect(nvidia?.originalItemId).toBe(wire?.id);
    expect(nvidia?.earliestItemId).toBe(daily?.id);
    // Entities are found in the text of every item.
    expect(nvidia?.entityIds.length).toBeGreaterThan(0);

    // Removing a source recounts its clusters and drops those it leaves empty.
    const [wireFeed, dailyFeed] = [wire?.feedId ?? 0, daily?.feedId ?? 0];
    expect(await unfollowFeed(deps, dailyFeed)).toBe(true);
    const afterDaily = await listClusters(database.db, { state: 'all', limit: 10, offset: 0 }, clock);
    expect(afterDaily.clusters.find((c) => c.id === nvidia?.id)).toMatchObject({
      itemCount: 1,
      feedCount: 1,
    });
    await unfollowFeed(deps, wireFeed);
    expect((await listClusters(database.db, { state: 'all', limit: 10, offset: 0 }, clock)).total).toBe(0);
  });

  it('extracts the full text of linked pages when set to, and keeps an item whose page fails', async () => {
    await setUp({ DESK_FULL_TEXT: 'true' });
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 1}: Nvidia described how the open models programme will publish weights, data and training recipes, and how researchers can apply for compute credits during the first year of the plan.</p>`,
    ).join('');
    server.serve(
      '/a/nvidia',
      `<!doctype html><html lang="en"><head><title>Nvidia's open bet | Wire</title><meta name="author" content="Lin Zhou"></head><body><nav>Home</nav><article><h1>Nvidia's open bet</h1>${paragraphs}</article><footer>© Wire</footer></body></html>`,
      'text/html; charset=utf-8',
    );
    server.serve(
      '/feed.xml',
      rss('Wire', server.base, [
        { ...nvidiaStory, link: `${server.base}/a/nvidia`, pubDate: 'Mon, 30 Nov 2026 06:00:00 GMT' },
        { ...otherStory, link: `${server.base}/a/missing`, pubDate: 'Mon, 30 Nov 2026 05:00:00 GMT' },
      ]),
    );
    const { feed } = await followFeed(deps, `${server.base}/feed.xml`);
    const ids = (
      await listClusters(database.db, { state: 'all', limit: 10, offset: 0 }, clock)
    ).clusters.flatMap((c) => c.sources.map((s) => s.itemId));
    const items = await findItems(database.db, ids);
    const extracted = items.find((i) => i.url?.endsWith('/a/nvidia'));
    const missing = items.find((i) => i.url?.endsWith('/a/missing'));
    expect(extracted).toMatchObject({ extractState: 'done', language: 'en' });
    expect(extracted?.extractedText).toContain('compute credits');
    expect(extracted?.extractedText).not.toContain('© Wire');
    expect(missing?.extractState).toBe('failed');
    expect(missing?.extractError).toContain('404');
    expect(feed.itemCount).toBe(2);
  });

  it('defers the pages of a feed followed from a form, and fetches them in the background pass', async () => {
    await setUp({ DESK_FULL_TEXT: 'true' });
    const body = Array.from(
      { length: 5 },
      (_, i) =>
        `<p>Part ${i + 1}: the chip maker said its open model programme will publish weights and training recipes for researchers, with compute credits for the first year.</p>`,
    ).join('');
    server.serve(
      '/a/nvidia',
      `<!doctype html><html lang="en"><head><title>Nvidia's open bet</title></head><body><article><h1>Nvidia's open bet</h1>${body}</article></body></html>`,
      'text/html; charset=utf-8',
    );
    server.serve(
      '/feed.xml',
      rss('Wire', server.base, [
        { ...nvidiaStory, link: `${server.base}/a/nvidia`, pubDate: 'Mon, 30 Nov 2026 06:00:00 GMT' },
      ]),
    );
    const { feed } = await followFeed(deps, `${server.base}/feed.xml`, { deferFullText: true });
    expect(server.requests.map((r) => r.path)).toEqual(['/feed.xml']);
    const [cluster] = (
      await listClusters(database.db, { state: 'all', feedId: feed.id, limit: 5, offset: 0 }, clock)
    ).clusters;
    const itemId = cluster?.sources[0]?.itemId ?? 0;
    expect((await findItems(database.db, [itemId]))[0]?.extractState).toBe('pending');

    expect(await extractPendingItems(deps)).toEqual({ extracted: 1, failed: 0 });
    const [item] = await findItems(database.db, [itemId]);
    expect(item?.extractState).toBe('done');
    expect(item?.extractedText).toContain('compute credits');
    expect(await extractPendingItems(deps)).toEqual({ extracted: 0, failed: 0 });
  });

  it('imports an OPML list without fetching, then refreshes the imported feeds when due', async () => {
    await setUp();
    server.serve(
      '/one.xml',
      rss('One', server.base, [{ ...otherStory, link: `${server.base}/1`, pubDate: '' }]),
    );
    server.serve('/two.xml', rss('Two', server.base, []));
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body><outline text="AI"><outline type="rss" text="One" xmlUrl="${server.base}/one.xml"/><outline type="rss" text="Two" xmlUrl="${server.base}/two.xml"/></outline><outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>`;
    const report = await importOpml(deps, Buffer.from(opml));
    expect(report.added.map((f) => f.title)).toEqual(['One', 'Two']);
    expect(report.added[0]?.folder).toEqual(['AI']);
    expect(report.skipped).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
    expect((await importOpml(deps, Buffer.from(opml))).existing).toHaveLength(2);

    const reports = await refreshFeeds(deps);
    expect(reports.map((r) => r.outcome).sort()).toEqual(['updated', 'updated']);
  });

  it('lets only one of two overlapping refreshes fetch a feed', async () => {
    await setUp();
    server.serve('/feed.xml', rss('Wire', server.base, []));
    const { feed } = await followFeed(deps, `${server.base}/feed.xml`);
    // The first refresh's request is held until the second has given up on the claimed feed.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.routes.set('/feed.xml', (_req, res) => {
      void held.then(() => res.end(rss('Wire', server.base, [])));
    });
    const before = server.requests.length;
    const first = refreshFeed(deps, feed.id);
    await eventually(() => server.requests.length > before, 'the first refresh to reach the feed');
    const second = await refreshFeed(deps, feed.id);
    release();
    expect(second.outcome).toBe('busy');
    expect((await first).outcome).toBe('updated');
    expect(server.requests.filter((r) => r.path === '/feed.xml')).toHaveLength(2);
  });

  it('stores the text of a GB2312 feed served without a charset, and of one with the wrong charset', async () => {
    await setUp();
    const expected = parseFeedDocument(corpusFile('feeds/valid/derived--kc0011_utf-8.rss.xml'), { now: T0 });
    server.serve('/gb.xml', corpusFile('feeds/valid/nnw--kc0011_gb2312.rss.xml'), 'application/xml');
    server.serve(
      '/utf8-labelled.xml',
      corpusFile('feeds/valid/nnw--kc0011_gb2312.rss.xml'),
      'text/xml; charset=utf-8',
    );
    for (const path of ['/gb.xml', '/utf8-labelled.xml']) {
      const { feed } = await followFeed(deps, `${server.base}${path}`);
      expect(feed.title).toBe(expected.title);
      const clusters = await listClusters(
        database.db,
        { state: 'all', feedId: feed.id, limit: 50, offset: 0 },
        clock,
      );
      const titles = clusters.clusters.flatMap((c) =>
        c.sources.filter((s) => s.feedId === feed.id).map((s) => s.title),
      );
      // Titles are kept as plain text with whitespace collapsed.
      expect(titles.sort()).toEqual(expected.items.map((i) => (i.title ?? '').replace(/\s+/g, ' ')).sort());
      expect(titles.join('')).not.toContain('\uFFFD');
    }
  });

  it('stops the corpus gzip bomb at the size limit and records the failure on the source', async () => {
    await setUp({ DESK_MAX_BODY_BYTES: String(2 * 1024 * 1024) });
    server.serve('/feed.xml', rss('Wire', server.base, []));
    const { feed } = await followFeed(deps, `${server.base}/feed.xml`);
    const bomb = corpusFile('feeds/hostile/written--gzip-bomb-512MiB.rss.xml.gz');
    server.routes.set('/feed.xml', (_req, res) => {
      res.setHeader('content-type', 'application/rss+xml');
      res.setHeader('content-encoding', 'gzip');
      res.end(bomb);
    });
    const report = await refreshFeed(deps, feed.id);
    expect(report.outcome).toBe('failed');
    const after = await findFeed(database.db, feed.id);
    expect(after?.lastError).toMatch(/exceeds 2097152 bytes \(decoded\)/);
    expect(after?.consecutiveFailures).toBe(1);
  });
});
