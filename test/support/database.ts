import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  type DatabaseHandle,
  type Dialect,
  migrateToLatest,
  openDatabase,
} from '../../src/platform/database/index.js';

/** SQLite always; PostgreSQL too whenever DATABASE_URL is set (CI sets it). */
export const DIALECTS: Dialect[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and removes the file or schema. */
  destroy(): Promise<void>;
  dataDir: string;
  /** DATABASE_URL for another process to reach this same database (PostgreSQL: with its schema). */
  url?: string;
  /** A connection of its own to this same database (a pool on PostgreSQL), as another process has. */
  connectAgain(): DatabaseHandle;
}

/** A fresh, migrated database of its own: a temporary SQLite file or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-test-'));
  if (dialect === 'sqlite') {
    const sqliteFile = path.join(dataDir, 'velocity.db');
    const handle = openDatabase({ sqliteFile });
    await migrateToLatest(handle.db as never, 'sqlite');
    return {
      ...handle,
      dataDir,
      connectAgain: () => openDatabase({ sqliteFile }),
      async destroy() {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl, pgSchema: schema });
  await migrateToLatest(handle.db as never, 'postgres');
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    ...handle,
    dataDir,
    url: url.href,
    connectAgain: () => openDatabase({ databaseUrl, pgSchema: schema }),
    async destroy() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: databaseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
