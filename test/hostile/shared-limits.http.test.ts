import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePlatform, type Platform } from '../../src/cli/compose.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { RenderCache } from '../../src/platform/render-cache.js';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/database.js';
import { buildStory } from '../support/factories.js';

// Two web nodes behind one load balancer, on one database: a limit kept in one node's memory
// would let a flood through twice as fast. The share limit lives in the database.

const PER_MINUTE = 4;

describe.each(DIALECTS)('limits shared by two web nodes on %s', (dialect) => {
  let first: TestApp;
  let second: Platform;
  let storyId: number;
  beforeAll(async () => {
    const env = { TRUST_PROXY: 'true', SHARE_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) };
    first = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('shared')] }, undefined, {
      env,
    });
    storyId = (await first.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;
    const config = loadConfig({
      SITE_URL: TEST_SITE_URL,
      DATA_DIR: first.database.dataDir,
      LOG_LEVEL: 'silent',
      ...env,
    });
    second = await composePlatform({
      db: first.database.db,
      config,
      cache: new RenderCache(config.RENDER_CACHE_ENTRIES, config.RENDER_CACHE_BYTES),
      log: createLogger('silent'),
      secret: 'test-secret-key-0123456789',
      // The same clock as the first node's (createTestApp's fixed test time).
      now: () => new Date('2026-11-28T09:00:00Z'),
    });
  });
  afterAll(async () => {
    second.mailer.close();
    await first.destroy();
  });

  it('refuses a flood of shares from one network once, whichever node each request reaches', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE + 2; i++) {
      const node = i % 2 === 0 ? first.app : second.app;
      const answer = await node.request(`${TEST_SITE_URL}/share/${storyId}`, {
        method: 'POST',
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    // The window is counted under a keyed hash of the network: no address is stored.
    const keys = await first.database.db.selectFrom('rate_counters').select('key').execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) expect(key).not.toContain('203.0.113');
  });
});
