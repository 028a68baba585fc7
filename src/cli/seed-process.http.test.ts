import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { loadConfig } from '../platform/config.js';
import { countStories } from '../stories/index.js';
import { readDemoDocument } from './seed.js';
import { seedDemoInChildProcess } from './seed-process.js';
import { serve } from './serve.js';

// The demo's hero images and its stories' save path take a while on a loaded machine.
const SEEDING_MS = 180_000;

describe.each(DIALECTS)('velocity serve loads the demo in a child process (%s)', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  it(
    'seeds an empty database, then serves the demo stories and their hero images',
    async () => {
      database = await createTestDatabase(dialect);
      const config = loadConfig({
        DATA_DIR: database.dataDir,
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'true',
        DESK_REFRESH: 'false',
      });
      const server = await serve(config);
      try {
        expect(await countStories(database.db)).toBe(readDemoDocument().stories.length);
        const front = await fetch(`${server.url}/en/`);
        expect(front.status).toBe(200);
        expect(await front.text()).toContain('DeepSeek releases its R2 reasoning model');
        const hero = await fetch(`${server.url}/media/hero-deepseek-r2-reasoning-800.webp`);
        expect(hero.status).toBe(200);
        expect(hero.headers.get('content-type')).toBe('image/webp');
        await hero.arrayBuffer();
      } finally {
        await server.close();
      }
    },
    SEEDING_MS,
  );
});

describe('seedDemoInChildProcess', () => {
  it('rejects with the child’s reason when the demo cannot be loaded', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-seed-'));
    try {
      // A file where the database's folder should be: the child cannot open the database.
      const blocker = path.join(dir, 'not-a-folder');
      fs.writeFileSync(blocker, '');
      await expect(
        seedDemoInChildProcess({
          databaseUrl: undefined,
          sqliteFile: path.join(blocker, 'velocity.db'),
          dataDir: dir,
          now: new Date().toISOString(),
        }),
      ).rejects.toThrow(/^Loading the demo failed: .*(ENOTDIR|EEXIST)/s);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
