import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.js';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../platform/database/index.js';
import { ensurePrivateDir, restrictIfPresent, writePrivateFile } from '../platform/private-files.js';

/** Where the configured database is: DATABASE_URL when set, else the SQLite file in DATA_DIR. */
export function databaseLocation(config: Config): { databaseUrl: string | undefined; sqliteFile: string } {
  return { databaseUrl: config.DATABASE_URL, sqliteFile: path.join(config.dataDir, 'velocity.db') };
}

/** Opens the configured database (SQLite under DATA_DIR unless DATABASE_URL is set) and migrates it. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  ensurePrivateDir(config.dataDir);
  const handle = openDatabase(databaseLocation(config));
  const applied = await migrateToLatest(handle.db as never, handle.dialect);
  return { ...handle, applied };
}

/** SECRET_KEY, or a key generated once and kept beside the data so restarts keep it. */
export function loadSecret(config: Config): string {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  const file = path.join(config.dataDir, 'secret.key');
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    restrictIfPresent(file);
    return secret;
  } catch {
    ensurePrivateDir(config.dataDir);
    const secret = randomBytes(32).toString('base64url');
    writePrivateFile(file, `${secret}\n`, 'wx');
    return secret;
  }
}
