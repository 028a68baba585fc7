import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database/index.js';
import { ensurePrivateDir, ensurePrivateFile, restrictFolder, writePrivateFile } from './private-files.js';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.each([0o022, 0o000])('private files under umask %o', (umask) => {
  let root: string;
  let previous: number;
  beforeEach(() => {
    previous = process.umask(umask);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-private-'));
  });
  afterEach(() => {
    process.umask(previous);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates folders 0700 and files 0600, and tightens ones that exist', () => {
    const dir = path.join(root, 'data');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
    const file = path.join(dir, 'a');
    fs.writeFileSync(file, 'x', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    ensurePrivateFile(file);
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
    writePrivateFile(path.join(dir, 'b'), 'y');
    expect(mode(path.join(dir, 'b'))).toBe(0o600);
  });

  it('tightens an old outbox folder and the files in it', () => {
    const outbox = path.join(root, 'outbox');
    fs.mkdirSync(outbox, { mode: 0o777 });
    fs.chmodSync(outbox, 0o777);
    fs.writeFileSync(path.join(outbox, 'old.eml'), 'mail');
    fs.chmodSync(path.join(outbox, 'old.eml'), 0o666);
    restrictFolder(outbox);
    expect(mode(outbox)).toBe(0o700);
    expect(mode(path.join(outbox, 'old.eml'))).toBe(0o600);
  });

  it('keeps the SQLite file, its WAL and shared memory to the owner', async () => {
    const file = path.join(root, 'data', 'velocity.db');
    const handle = openDatabase({ sqliteFile: file });
    await sql`create table t (x integer)`.execute(handle.db);
    await sql`insert into t values (1)`.execute(handle.db);
    for (const name of ['velocity.db', 'velocity.db-wal', 'velocity.db-shm']) {
      expect(mode(path.join(root, 'data', name)), name).toBe(0o600);
    }
    expect(mode(path.join(root, 'data'))).toBe(0o700);
    await handle.close();
  });
});
