import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { spawnVelocity, type VelocityProcess } from '../../test/support/velocity-process.js';
import { addUser } from '../accounts/index.js';
import { importStories, publish } from '../editorial/index.js';
import type { StoryInput } from '../stories/index.js';

const TITLE = 'Nvidia announces the elsewhere plan';

// A `velocity serve` process caches a page; this test process, as another node would, publishes
// through the editorial use case with no cache of its own to drop: only the change log can tell
// the server. On PostgreSQL the server's poll is made too slow to matter, so NOTIFY must wake it.
describe.each(DIALECTS)('a running server hears of a publish made by another process (%s)', (dialect) => {
  let database: TestDatabase | undefined;
  let server: VelocityProcess | undefined;
  afterEach(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await database?.destroy();
  });

  it('serves the published story after having cached the page without it', async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const story = buildStory('elsewhere');
    const [zh, en] = story.variants as [StoryInput['variants'][0], StoryInput['variants'][0]];
    const [storyId] = (
      await importStories(
        database.db,
        [{ ...story, variants: [zh, { ...en, status: 'draft', publishedAt: null }] }],
        { now: new Date() },
      )
    ).storyIds as [number];
    const user = await addUser(database.db, { email: 'e@example.test', role: 'editor' }, null, new Date());
    const editor = { id: user.id, email: user.email, role: user.role, locales: user.locales };

    server = spawnVelocity(['serve'], {
      DATA_DIR: database.dataDir,
      // Empty for SQLite, so a DATABASE_URL in the test's own environment does not leak in.
      DATABASE_URL: database.url ?? '',
      PORT: '0',
      SEED_DEMO: 'false',
      SECRET_KEY: 'change-feed-secret-0123456789',
      LOG_LEVEL: 'info',
      CHANGE_POLL_MS: dialect === 'postgres' ? '3600000' : '500',
    });
    const running = server;
    const url = await eventually(
      () => /"url":"(http:\/\/[^"]+)"/.exec(running.stdout())?.[1],
      'the server to say where it listens',
    );
    const front = async () => (await fetch(`${url}/en/`)).text();
    expect(await front()).not.toContain(TITLE);
    expect(await front()).not.toContain(TITLE);

    await publish(database.db, editor, { storyId, locale: 'en' }, { now: new Date() });
    await eventually(async () => (await front()).includes(TITLE), 'the other process to serve the story');
    expect((await fetch(`${url}/en/ai-models/elsewhere`)).status).toBe(200);
  });
});
