import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countUserSessions,
  findUsableSetupToken,
  findUserByEmail,
  hashToken,
  startSession,
  verifyPassword,
} from '../accounts/index.js';
import { openDatabase } from '../platform/database/index.js';

// `velocity user …` run as a child process, as a person at a terminal would, against a SQLite
// file in a temporary DATA_DIR.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE_URL = 'https://news.example.test';

let dataDir: string;

function velocity(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    SITE_URL,
    LOG_LEVEL: 'silent',
  };
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withDatabase<T>(use: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'velocity.db') });
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

const linkToken = (stdout: string) => /\/admin\/setup\/([A-Za-z0-9_-]{43})\s*$/m.exec(stdout)?.[1] ?? '';

// Each run starts Node with tsx and the whole CLI, a few seconds on a busy machine.
describe('velocity user', { timeout: 120_000 }, () => {
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('explains itself and each subcommand', () => {
    const help = velocity(['user', '--help']);
    expect(help.code).toBe(0);
    for (const sub of ['add', 'password', 'reset', 'list'])
      expect(help.stdout).toContain(`velocity user ${sub}`);
    const add = velocity(['user', 'add', '--help']);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain(
      '--email EMAIL --role ROLE [--name NAME] [--locales zh,en] [--password-stdin]',
    );
    expect(add.stdout).toContain('owner, editor, author, translator');
    expect(velocity(['--help']).stdout).toMatch(/^ {2}user +Manage newsroom accounts/m);
  });

  it('adds an owner without a password and prints a working one-time link', async () => {
    const result = velocity([
      'user',
      'add',
      '--email',
      'Olga@Example.test',
      '--role',
      'owner',
      '--name',
      'Olga',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added olga@example.test as owner.');
    expect(result.stdout).toContain(`${SITE_URL}/admin/setup/`);
    const token = linkToken(result.stdout);
    await withDatabase(async (db) => {
      const user = await findUserByEmail(db, 'olga@example.test');
      expect(user).toMatchObject({ role: 'owner', displayName: 'Olga', hasPassword: false });
      expect(await findUsableSetupToken(db, hashToken(token), new Date())).toEqual({ userId: user?.id });
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.add').execute();
      expect(audit).toMatchObject([{ actor: 'system', summary: 'olga@example.test' }]);
    });
  });

  it('adds a translator with locales and a password from standard input', async () => {
    const result = velocity(
      [
        'user',
        'add',
        '--email',
        'tr@example.test',
        '--role',
        'translator',
        '--locales',
        'zh, en',
        '--password-stdin',
      ],
      'a long enough passphrase\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('They can sign in');
    expect(result.stdout).not.toContain('/admin/setup/');
    await withDatabase(async (db) => {
      const user = await findUserByEmail(db, 'tr@example.test');
      expect(user).toMatchObject({ role: 'translator', locales: ['zh', 'en'], hasPassword: true });
      const row = await db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user?.id ?? 0)
        .executeTakeFirst();
      expect(await verifyPassword(row?.password_hash ?? null, 'a long enough passphrase')).toBe(true);
    });
  });

  it.each([
    ['no --email', ['user', 'add', '--role', 'editor'], '', 2, 'Missing --email.'],
    [
      'an unknown role',
      ['user', 'add', '--email', 'a@example.test', '--role', 'boss'],
      '',
      2,
      'Unknown role "boss": use one of owner, editor, author, translator.',
    ],
    [
      'a translator without locales',
      ['user', 'add', '--email', 'b@example.test', '--role', 'translator'],
      '',
      2,
      'A translator needs --locales',
    ],
    [
      'a locale that is not BCP 47',
      ['user', 'add', '--email', 'c@example.test', '--role', 'translator', '--locales', 'english'],
      '',
      2,
      'Not a BCP 47 language tag: english',
    ],
    [
      'an email already taken',
      ['user', 'add', '--email', 'OLGA@example.test', '--role', 'editor'],
      '',
      1,
      'There is already an account for olga@example.test.',
    ],
    ['an invalid email', ['user', 'add', '--email', 'not-an-email', '--role', 'editor'], '', 1, 'email'],
    [
      'a short password',
      ['user', 'add', '--email', 'd@example.test', '--role', 'editor', '--password-stdin'],
      'short\n',
      1,
      'A password needs at least 10 characters.',
    ],
    [
      'an unknown option',
      ['user', 'add', '--email', 'e@example.test', '--role', 'editor', '--admin'],
      '',
      2,
      "Unknown option '--admin'",
    ],
    ['an unknown subcommand', ['user', 'delete'], '', 2, 'Unknown subcommand "user delete"'],
    [
      'a password for nobody',
      ['user', 'password', '--email', 'nobody@example.test', '--password-stdin'],
      'long enough password\n',
      1,
      'No account for nobody@example.test.',
    ],
    [
      'a password without a terminal or --password-stdin',
      ['user', 'password', '--email', 'olga@example.test'],
      '',
      2,
      '--password-stdin',
    ],
    [
      'a reset for nobody',
      ['user', 'reset', '--email', 'nobody@example.test'],
      '',
      1,
      'No account for nobody@example.test.',
    ],
  ])('refuses %s with a clear message and a non-zero exit', async (_, args, input, code, message) => {
    const before = await withDatabase((db) => db.selectFrom('users').select('email').execute());
    const result = velocity(args, input);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const after = await withDatabase((db) => db.selectFrom('users').select('email').execute());
    expect(after).toEqual(before);
  });

  it('sets a password from standard input and ends every session of that person', async () => {
    await withDatabase(async (db) => {
      const user = await findUserByEmail(db, 'olga@example.test');
      await startSession(db, user?.id ?? 0, { now: new Date(), userAgent: 'laptop' });
      await startSession(db, user?.id ?? 0, { now: new Date(), userAgent: 'phone' });
    });
    const result = velocity(
      ['user', 'password', '--email', 'olga@example.test', '--password-stdin'],
      'olga’s new passphrase\r\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Password set for olga@example.test; 2 sessions ended.');
    await withDatabase(async (db) => {
      const user = await findUserByEmail(db, 'olga@example.test');
      expect(await countUserSessions(db, user?.id ?? 0)).toBe(0);
      const row = await db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user?.id ?? 0)
        .executeTakeFirst();
      expect(await verifyPassword(row?.password_hash ?? null, 'olga’s new passphrase')).toBe(true);
    });
  });

  it('prints a one-time reset link', async () => {
    const result = velocity(['user', 'reset', '--email', 'tr@example.test']);
    expect(result.code).toBe(0);
    const token = linkToken(result.stdout);
    await withDatabase(async (db) => {
      const user = await findUserByEmail(db, 'tr@example.test');
      expect(await findUsableSetupToken(db, hashToken(token), new Date())).toEqual({ userId: user?.id });
    });
  });

  it('lists everyone with role, languages and status', () => {
    const result = velocity(['user', 'list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^EMAIL\s+ROLE\s+NAME\s+LOCALES\s+STATUS$/);
    expect(lines).toContainEqual(expect.stringMatching(/^olga@example\.test\s+owner\s+Olga\s+active$/));
    expect(lines).toContainEqual(expect.stringMatching(/^tr@example\.test\s+translator\s+zh,en\s+active$/));
  });
});
