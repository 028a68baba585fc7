import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { type Actor, addUser } from '../accounts/index.js';
import {
  deliverOutcome,
  importStories,
  publish,
  publishDueVariants,
  saveVariant,
} from '../editorial/index.js';
import type { ChangeFeed } from '../platform/change-feed.js';
import type { LoggedChange } from '../platform/change-log.js';
import { loadConfig } from '../platform/config.js';
import { type DatabaseHandle, openDatabase } from '../platform/database/index.js';
import { createLogger } from '../platform/logger.js';
import { RenderCache } from '../platform/render-cache.js';
import type { StoryInput } from '../stories/index.js';
import { composePlatform, type Platform } from './compose.js';

const SITE_URL = 'https://news.example.test';
const now = new Date('2026-11-28T09:00:00Z');
/** Long enough that no poll happens during a test: on PostgreSQL only NOTIFY can wake a follower. */
const NO_POLL_MS = '3600000';

/** A zh story live, its en variant a draft or scheduled for an hour ago (due at once). */
function sharedStory(en: 'draft' | 'scheduled'): StoryInput {
  const story = buildStory('shared');
  const [zh, draft] = story.variants as [StoryInput['variants'][0], StoryInput['variants'][0]];
  const later = en === 'scheduled' ? { publishAt: '2026-11-28T08:00:00.000Z' } : {};
  return { ...story, variants: [zh, { ...draft, status: en, publishedAt: null, ...later }] };
}

interface Node {
  platform: Platform;
  cache: RenderCache;
  feed: ChangeFeed;
  changes: LoggedChange[];
  handle: DatabaseHandle;
  get(path: string): Promise<{ status: number; body: string }>;
}

describe.each(DIALECTS)('caches of two processes on one %s database', (dialect) => {
  let database: TestDatabase;
  let nodes: Node[];
  let editor: Actor;

  // A process of its own: its own connection(s), render cache, site and change follower.
  const startNode = async (pollMs: string): Promise<Node> => {
    const handle =
      dialect === 'sqlite'
        ? openDatabase({ sqliteFile: `${database.dataDir}/velocity.db` })
        : openDatabase({ databaseUrl: database.url as string });
    const config = loadConfig({
      SITE_URL,
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      CHANGE_POLL_MS: pollMs,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    });
    const cache = new RenderCache(config.RENDER_CACHE_ENTRIES, config.RENDER_CACHE_BYTES);
    const changes: LoggedChange[] = [];
    const platform = await composePlatform({
      db: handle.db,
      config,
      cache,
      log: createLogger('silent'),
      secret: 'test-secret-key-0123456789',
      now: () => now,
      onChange: [(change) => void changes.push(change)],
    });
    const feed = await platform.followChanges();
    const get = async (path: string) => {
      const response = await platform.app.request(`${SITE_URL}${path}`);
      return { status: response.status, body: await response.text() };
    };
    return { platform, cache, feed, changes, handle, get };
  };

  const start = async (en: 'draft' | 'scheduled', pollMs: string) => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    await importStories(database.db, [sharedStory(en)], { now });
    const user = await addUser(database.db, { email: 'e@example.test', role: 'editor' }, null, now);
    editor = { id: user.id, email: user.email, role: user.role, locales: user.locales };
    nodes = [await startNode(pollMs), await startNode(pollMs)];
    return nodes as [Node, Node];
  };

  beforeEach(() => {
    nodes = [];
  });
  afterEach(async () => {
    for (const node of nodes) {
      await node.feed.stop();
      node.platform.mailer.close();
      await node.handle.close();
    }
    await database?.destroy();
  });

  const storyId = async () =>
    (await database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;

  it.each([['polling', '50'], ...(dialect === 'postgres' ? [['NOTIFY alone (no poll)', NO_POLL_MS]] : [])])(
    'a publish and an edit on one are served by the other (%s)',
    async (_, pollMs) => {
      const [a, b] = await start('draft', pollMs);
      const front = await b.get('/en/');
      expect(front.body).not.toContain('Nvidia announces the shared plan');
      const zhPage = await b.get('/zh/ai-models/shared');
      expect(zhPage.status).toBe(200);
      expect(b.cache.size).toBeGreaterThan(0);

      const id = await storyId();
      // As the admin does on node A: the use case, then A's own cache drops and events.
      const sinks = {
        contentChanged: a.platform.site.contentChanged.bind(a.platform.site),
        emit: async () => {},
      };
      await deliverOutcome(await publish(a.handle.db, editor, { storyId: id, locale: 'en' }, { now }), sinks);
      await eventually(
        async () => (await b.get('/en/')).body.includes('Nvidia announces the shared plan'),
        "the en story on the other node's front page",
      );
      expect((await b.get('/en/ai-models/shared')).status).toBe(200);
      // The zh page, dropped by that publish, is cached again by the other node before the edit.
      for (let read = 0; read < 2; read++)
        expect((await b.get('/zh/ai-models/shared')).body).not.toContain('英伟达宣布新的共享计划');

      const zh = sharedStory('draft').variants[0] as StoryInput['variants'][0];
      const saved = await saveVariant(
        a.handle.db,
        editor,
        {
          storyId: id,
          locale: 'zh',
          title: '英伟达宣布新的共享计划',
          summary: zh.summary,
          body: zh.body,
          faq: zh.faq,
          heroAlt: zh.heroAlt,
        },
        { now },
      );
      expect(saved.change).not.toBeNull();
      await deliverOutcome(saved, sinks);
      await eventually(
        async () => (await b.get('/zh/ai-models/shared')).body.includes('英伟达宣布新的共享计划'),
        "the edited title on the other node's cached page",
      );
      // The follower hands every change to the extra listeners too (a purger plugs in there).
      await eventually(() => b.changes.length === 2, 'both changes at the listeners');
      expect(b.changes.map((change) => change.storyIds)).toEqual([[id], [id]]);
    },
  );

  it('a story the scheduler of one publishes is served by the other', async () => {
    const [a, b] = await start('scheduled', dialect === 'postgres' ? NO_POLL_MS : '50');
    expect((await b.get('/en/')).body).not.toContain('Nvidia announces the shared plan');
    // What `velocity worker` runs, with no cache drop of its own that could reach node B.
    const run = await publishDueVariants(a.handle.db, now);
    expect(run.published).toEqual([{ storyId: await storyId(), locale: 'en' }]);
    await eventually(
      async () => (await b.get('/en/')).body.includes('Nvidia announces the shared plan'),
      "the scheduled story on the other node's front page",
    );
    expect((await b.get('/en/ai-models/shared')).status).toBe(200);
  });
  it('a share counted on one is caught up by the share-count refresh of the other, dropping nothing else', async () => {
    const [a, b] = await start('draft', dialect === 'postgres' ? NO_POLL_MS : '50');
    const id = await storyId();
    await b.get('/zh/');
    const cached = b.cache.size;
    const share = await a.platform.app.request(`${SITE_URL}/share/${id}`, {
      method: 'POST',
      headers: { 'user-agent': 'test-agent' },
    });
    expect(await share.json()).toMatchObject({ count: 1, counted: true });
    await eventually(() => b.changes.length === 1, 'the share at the other node');
    expect(b.cache.size).toBe(cached);
    expect(b.platform.site.refreshShareCounts()).toEqual([id]);
  });
});
