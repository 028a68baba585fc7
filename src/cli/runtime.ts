import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.js';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../platform/database/index.js';

/** Where the configured database is: DATABASE_URL when set, else the SQLite file in DATA_DIR. */
export function databaseLocation(config: Config): { databaseUrl: string | undefined; sqliteFile: string } {
  return { databaseUrl: config.DATABASE_URL, sqliteFile: path.join(config.dataDir, 'velocity.db') };
}

/** Opens the configured database (SQLite under DATA_DIR unless DATABASE_URL is set) and migrates it. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = openDatabase(databaseLocation(config));
  const applied = await migrateToLatest(handle.db as never, handle.dialect);
  return { ...handle, applied };
}

/** SECRET_KEY, or a key generated once and kept beside the data so restarts keep it. */
export function loadSecret(config: Config): string {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  const file = path.join(config.dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
