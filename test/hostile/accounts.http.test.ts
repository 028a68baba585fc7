import fs from 'node:fs';
import path from 'node:path';
import argon2 from 'argon2';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addUser, changeUser, hashToken, issueSetupToken, setPassword } from '../../src/accounts/index.js';
import { loadSecret, openMigratedDatabase } from '../../src/cli/runtime.js';
import { createMailer } from '../../src/newsletter/index.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { AdminClient } from '../support/admin-client.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/database.js';
import { buildStory } from '../support/factories.js';

// Issue 11, accounts and data: attacks on sign-in, share counts, one-time links and the files
// on disk, each with the answer the platform must give.

const PASSWORD = 'correct horse battery';
const OWNER = 'owner@example.test';
const STRANGER = '198.51.100.7';
const OWNER_HOME = '203.0.113.5';

/** A browser behind one client address (the test app trusts one proxy hop that says so). */
class Visitor extends AdminClient {
  constructor(
    app: TestApp,
    private readonly address: string,
    private readonly language = 'en',
  ) {
    super(app);
  }

  override request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.address);
    headers.set('accept-language', this.language);
    return super.request(path, { ...init, headers });
  }

  async trySignIn(email: string, password: string): Promise<Response> {
    if (!this.csrf) await this.get('/admin/sign-in');
    return this.post('/admin/sign-in', { email, password });
  }
}

describe.each(DIALECTS)('sign-in throttling on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-11-28T09:00:00Z');
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] }, () => clock, {
      env: { TRUST_PROXY: 'true' },
    });
    await addUser(t.database.db, { email: OWNER, role: 'owner' }, PASSWORD, clock);
  });
  afterAll(() => t.destroy());
  afterEach(() => vi.restoreAllMocks());

  it('does not let a stranger keep the owner out by failing on purpose', async () => {
    const stranger = new Visitor(t, STRANGER);
    const answers: number[] = [];
    for (let i = 0; i < 8; i++) answers.push((await stranger.trySignIn(OWNER, `guess ${i}`)).status);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5)).toEqual([429, 429, 429]);
    // The stranger's own address waits, also with the right password…
    const paused = await stranger.trySignIn(OWNER, PASSWORD);
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('retry-after'))).toBeGreaterThan(0);
    // …while the owner, elsewhere, signs in at once.
    const owner = new Visitor(t, OWNER_HOME);
    expect((await owner.trySignIn(OWNER, PASSWORD)).status).toBe(303);
  });

  it('doubles the wait with every further failure, and says when to retry in the admin language', async () => {
    const guesser = new Visitor(t, '192.0.2.44', 'zh-CN');
    for (let i = 0; i < 5; i++) await guesser.trySignIn(OWNER, `guess ${i}`);
    const first = await guesser.trySignIn(OWNER, 'guess 5');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('30');
    expect(guesser.lastHtml).toContain('此处登录失败次数过多，请在30秒后重试。');
    later(30_000);
    expect((await guesser.trySignIn(OWNER, 'guess 6')).status).toBe(401);
    expect((await guesser.trySignIn(OWNER, 'guess 7')).headers.get('retry-after')).toBe('60');
    later(60_000);
    // After the wait the right password works, and clears the slate for this address.
    expect((await guesser.trySignIn(OWNER, PASSWORD)).status).toBe(303);
    const fresh = new Visitor(t, '192.0.2.44');
    expect((await fresh.trySignIn(OWNER, 'one typo')).status).toBe(401);
  });

  it('runs no more password checks than allowed for 200 parallel attempts', async () => {
    const verify = vi.spyOn(argon2, 'verify');
    const attacker = new Visitor(t, '192.0.2.200');
    await attacker.get('/admin/sign-in');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attacker.trySignIn(OWNER, `parallel guess ${i}`)),
    );
    const statuses = answers.map((r) => r.status);
    expect(verify).toHaveBeenCalledTimes(5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
    expect(
      answers.filter((r) => r.status === 429).every((r) => Number(r.headers.get('retry-after')) > 0),
    ).toBe(true);
  });

  it('spends one argon2 check and gives one answer for unknown, pending, disabled and real accounts', async () => {
    await addUser(t.database.db, { email: 'pending@example.test', role: 'author' }, null, clock);
    const disabled = await addUser(
      t.database.db,
      { email: 'gone@example.test', role: 'author' },
      PASSWORD,
      clock,
    );
    await changeUser(t.database.db, disabled.id, { disabled: true }, clock);
    const cases = ['nobody@example.test', 'pending@example.test', 'gone@example.test', OWNER];
    const pages: string[] = [];
    for (const [i, email] of cases.entries()) {
      const verify = vi.spyOn(argon2, 'verify');
      const visitor = new Visitor(t, `192.0.2.${10 + i}`);
      // The disabled account is tried with its real password: still no way in, same answer.
      const response = await visitor.trySignIn(
        email,
        email === 'gone@example.test' ? PASSWORD : 'wrong password',
      );
      expect(response.status, email).toBe(401);
      expect(verify, email).toHaveBeenCalledTimes(1);
      pages.push(/<p class="notice notice-error"[^>]*>([^<]*)</.exec(visitor.lastHtml)?.[1] ?? '');
      vi.restoreAllMocks();
    }
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).toContain('do not match');
  });
});

describe.each(DIALECTS)('share counts on %s', (dialect) => {
  let t: TestApp;
  let storyId: number;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('shared')] }, undefined, {
      env: { TRUST_PROXY: 'true' },
    });
    storyId = (await t.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.destroy());

  const share = (address: string, userAgent: string) =>
    t.get(`/share/${storyId}`, {
      method: 'POST',
      headers: { 'x-forwarded-for': address, 'user-agent': userAgent },
    });

  it('counts one share per visitor network and day, however the User-Agent rotates', async () => {
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await (await share(`203.0.113.${i + 1}`, `Agent/${i}`)).json());
    expect(answers.filter((a) => a.counted)).toHaveLength(1);
    expect(answers.at(-1)).toEqual({ count: 1, counted: false });
    // IPv6: one /48 is one visitor too.
    expect(await (await share('2001:db8:77::1', 'A')).json()).toEqual({ count: 2, counted: true });
    expect(await (await share('2001:db8:77:ffff::9', 'B')).json()).toEqual({ count: 2, counted: false });
    // Another network is another visitor.
    expect(await (await share('198.51.100.20', 'A')).json()).toEqual({ count: 3, counted: true });
    // A flood from one network is refused before it reaches the database.
    let last = 200;
    for (let i = 0; i < 40 && last !== 429; i++) last = (await share('203.0.113.99', `Flood/${i}`)).status;
    expect(last).toBe(429);
    // No address is kept: only keyed hashes of networks.
    const visits = await t.database.db.selectFrom('share_visits').select('visitor_hash').execute();
    expect(visits).toHaveLength(3);
    for (const { visitor_hash } of visits) expect(visitor_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('does not drop the cached page: a share costs no re-render', async () => {
    const page = '/zh/ai-models/shared';
    const before = await t.get(page);
    const etag = before.headers.get('etag');
    const shown = /data-share-count="">(\d+)</.exec(await before.text())?.[1];
    expect(await (await share('192.0.2.1', 'A')).json()).toMatchObject({ counted: true });
    const after = await t.get(page);
    expect(after.headers.get('etag')).toBe(etag);
    expect(/data-share-count="">(\d+)</.exec(await after.text())?.[1]).toBe(shown);
    // The background refresh catches the shown count up, once for any number of shares.
    expect(t.site.refreshShareCounts()).toEqual([storyId]);
    const refreshed = await (await t.get(page)).text();
    expect(/data-share-count="">(\d+)</.exec(refreshed)?.[1]).toBe(String(Number(shown) + 1));
    expect(t.site.refreshShareCounts()).toEqual([]);
  });
});

describe.each(DIALECTS)('reset and setup links on %s', (dialect) => {
  let t: TestApp;
  let userId: number;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
    userId = (await addUser(t.database.db, { email: 'p@example.test', role: 'editor' }, PASSWORD, new Date()))
      .id;
  });
  afterAll(() => t.destroy());

  const status = async (token: string) => (await new AdminClient(t).get(`/admin/setup/${token}`)).status;
  const use = async (token: string, password: string) => {
    const browser = new AdminClient(t);
    // The sign-in page hands out the form token, so a dead link is refused for being dead.
    await browser.get('/admin/sign-in');
    await browser.get(`/admin/setup/${token}`);
    return (await browser.post(`/admin/setup/${token}`, { password, confirm: password })).status;
  };

  it('voids an older link when a newer one is issued', async () => {
    const older = await issueSetupToken(t.database.db, userId, new Date());
    const newer = await issueSetupToken(t.database.db, userId, new Date());
    expect(await status(older)).toBe(410);
    expect(await use(older, 'a new passphrase 1')).toBe(410);
    expect(await status(newer)).toBe(200);
  });

  it('voids a link once used', async () => {
    const link = await issueSetupToken(t.database.db, userId, new Date());
    // A second live link (say, issued by an earlier version, which voided nothing) dies with it.
    const stray = 'S'.repeat(43);
    await t.database.db
      .insertInto('setup_tokens')
      .values({
        token_hash: hashToken(stray),
        user_id: userId,
        created_at: new Date().toISOString(),
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .execute();
    expect(await status(stray)).toBe(200);
    expect(await use(link, 'a new passphrase 2')).toBe(303);
    expect(await status(link)).toBe(410);
    expect(await status(stray)).toBe(410);
    expect(await use(link, 'a new passphrase 3')).toBe(410);
  });

  it('voids every link, and ends every session, when the password changes', async () => {
    const link = await issueSetupToken(t.database.db, userId, new Date());
    const browser = new AdminClient(t);
    await browser.signIn('p@example.test', 'a new passphrase 2');
    await setPassword(t.database.db, userId, 'changed from the CLI', new Date());
    expect(await status(link)).toBe(410);
    expect((await browser.get('/admin/stories')).status).toBe(303);
  });
});

describe.each([0o022, 0o000])('files on disk under umask %o', (umask) => {
  let previous: number;
  let dataDir: string;
  beforeEach(() => {
    previous = process.umask(umask);
    dataDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'velocity-files-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterEach(() => {
    process.umask(previous);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the database, its WAL, the key and the outbox to the server user', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const database = await openMigratedDatabase(config);
    await addUser(database.db, { email: 'x@example.test', role: 'owner' }, null, new Date());
    loadSecret(config);
    const mailer = createMailer(config, createLogger('silent'));
    await mailer.send({
      from: 'News <news@example.test>',
      to: 'reader@example.test',
      subject: 'Hello',
      text: 'Hello',
      html: '<p>Hello</p>',
      messageId: '<1@example.test>',
      headers: {},
    });
    const mode = (name: string) => fs.statSync(path.join(dataDir, name)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    for (const name of ['velocity.db', 'velocity.db-wal', 'velocity.db-shm', 'secret.key']) {
      expect(mode(name), name).toBe(0o600);
    }
    expect(mode('outbox')).toBe(0o700);
    const [mail] = fs.readdirSync(path.join(dataDir, 'outbox'));
    expect(mode(`outbox/${mail}`)).toBe(0o600);
    mailer.close();
    await database.close();
  });
});
