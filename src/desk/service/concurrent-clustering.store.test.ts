import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { rss } from '../../../test/support/feed-server.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import type { DeskDeps } from './deps.js';
import { createDeskDeps } from './desk.js';
import { ingestFeedDocument } from './follow.js';

// Two workers take in two outlets' copies of one story at the same moment. Each looks for a
// cluster before either has placed its item, so each may open one; they must end in one.

const WORDS =
  'chip model cloud server licence weights training inference benchmark startup funding regulator inquiry data centre network memory wafer foundry supply export rule partner release open source agent robot vision speech'.split(
    ' ',
  );

/** A story of sixty words drawn from the list by `seed`, and a copy with two words changed. */
function storyPair(seed: number): [string, string] {
  let state = seed * 2_654_435_761;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return WORDS[state % WORDS.length] as string;
  };
  const words = Array.from({ length: 60 }, next);
  const copy = [...words];
  copy[10] = 'announced';
  copy[40] = 'reported';
  return [words.join(' '), copy.join(' ')];
}

const ROUNDS = 12;
const T0 = new Date('2026-11-30T08:00:00Z');

describe.each(DIALECTS)('clustering by two workers at once on %s', (dialect) => {
  let database: TestDatabase;
  let workers: [DeskDeps, DeskDeps];
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = loadConfig({
      DATA_DIR: database.dataDir,
      SITE_URL: 'https://news.example.test',
      DESK_FULL_TEXT: 'false',
    });
    const worker = () =>
      createDeskDeps({ db: database.db, config, log: createLogger('silent'), now: () => T0 });
    workers = [worker(), worker()];
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('ends with one cluster per story, however the two interleave', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [text, copy] = storyPair(round + 1);
      const feed = (outlet: string, body: string) =>
        new TextEncoder().encode(
          rss(outlet, `https://${outlet}.example/`, [
            {
              title: body.split(' ').slice(0, 8).join(' '),
              link: `https://${outlet}.example/story-${round}`,
              pubDate: T0.toUTCString(),
              description: body,
            },
          ]),
        );
      await Promise.all([
        ingestFeedDocument(workers[0], feed(`wire-${round}`, text), { name: `wire-${round}` }),
        ingestFeedDocument(workers[1], feed(`daily-${round}`, copy), { name: `daily-${round}` }),
      ]);
    }
    const items = await database.db
      .selectFrom('feed_items')
      .select(['id', 'cluster_id'])
      .orderBy('id')
      .execute();
    expect(items).toHaveLength(ROUNDS * 2);
    // Each round's two copies share a cluster, and no cluster is left behind empty.
    for (let round = 0; round < ROUNDS; round++) {
      const [first, second] = items.slice(round * 2, round * 2 + 2);
      expect(first?.cluster_id).not.toBeNull();
      expect(second?.cluster_id).toBe(first?.cluster_id);
    }
    const clusters = await database.db
      .selectFrom('duplicate_clusters')
      .select(['id', 'item_count'])
      .execute();
    expect(clusters).toHaveLength(ROUNDS);
    expect(clusters.every((c) => c.item_count === 2)).toBe(true);
  });
});
