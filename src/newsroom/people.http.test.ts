import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson, signedInAs, TEST_PASSWORD } from '../../test/support/people.js';
import { countUserSessions, findUserByEmail, findUserById, type User } from '../accounts/index.js';

const NEW_PASSWORD = 'a fresh passphrase here';

/** Follows a one-time link the way the person would: opens it and chooses a password. */
async function usePasswordLink(t: TestApp, html: string): Promise<number> {
  const url = /<code class="secret">([^<]+)<\/code>/.exec(html)?.[1] ?? '';
  expect(url).toMatch(/^https:\/\/news\.example\.test\/admin\/setup\/[A-Za-z0-9_-]{43}$/);
  const path = new URL(url).pathname;
  const browser = new AdminClient(t);
  expect((await browser.get(path)).status).toBe(200);
  return (await browser.post(path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status;
}

describe.each(DIALECTS)('people in the admin on %s', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let me: User;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
    ({ browser: owner, user: me } = await signedInAs(t, 'owner', { email: 'boss@example.test' }));
  });
  afterAll(() => t.destroy());

  it('is for owners only', async () => {
    for (const role of ['editor', 'author', 'translator'] as const) {
      const { browser, user } = await signedInAs(t, role);
      expect((await browser.get('/admin/people')).status).toBe(403);
      expect((await browser.post('/admin/people', { email: 'x@example.test', role: 'owner' })).status).toBe(
        403,
      );
      expect((await browser.post(`/admin/people/${user.id}`, { role: 'owner' })).status).toBe(403);
      expect((await browser.post(`/admin/people/${me.id}/disable`, {})).status).toBe(403);
      expect((await browser.post(`/admin/people/${me.id}/reset-link`, {})).status).toBe(403);
    }
    expect(await findUserByEmail(t.database.db, 'x@example.test')).toBeUndefined();
    expect((await findUserById(t.database.db, me.id))?.disabledAt).toBeNull();
  });

  it('lists people with role, languages and status', async () => {
    await addPerson(t, 'translator', { email: 'tr@example.test', locales: ['en', 'ja'] });
    expect((await owner.get('/admin/people')).status).toBe(200);
    expect(owner.lastHtml).toContain('boss@example.test</a><span class="muted"> · you</span>');
    expect(owner.lastHtml).toMatch(
      /tr@example\.test<\/a><\/td><td><\/td><td>Translator<\/td><td>en, ja<\/td>/,
    );
  });

  it('adds a person and shows their one-time password link once; the link works once', async () => {
    await owner.get('/admin/people');
    const response = await owner.post('/admin/people', {
      email: ' New.Editor@Example.test ',
      displayName: 'Nia',
      role: 'editor',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(owner.lastHtml).toContain('Send this link to new.editor@example.test');
    const html = owner.lastHtml;
    const user = await findUserByEmail(t.database.db, 'new.editor@example.test');
    expect(user).toMatchObject({ role: 'editor', displayName: 'Nia', hasPassword: false });
    await owner.get('/admin/people');
    expect(owner.lastHtml).toContain('No password yet');
    expect(owner.lastHtml).not.toContain('/admin/setup/');

    expect(await usePasswordLink(t, html)).toBe(303);
    expect((await findUserById(t.database.db, user?.id ?? 0))?.hasPassword).toBe(true);
    const again = new AdminClient(t);
    const path = new URL(/<code class="secret">([^<]+)<\/code>/.exec(html)?.[1] ?? '').pathname;
    expect((await again.get(path)).status).toBe(410);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.add')
      .execute();
    expect(audit.map((a) => a.summary)).toContain('new.editor@example.test');
  });

  it('refuses a bad email, a taken email and a translator without languages, with 422', async () => {
    await owner.get('/admin/people');
    expect((await owner.post('/admin/people', { email: 'not-an-email', role: 'author' })).status).toBe(422);
    expect(owner.lastHtml).toContain('Enter a valid email address.');
    expect((await owner.post('/admin/people', { email: 'BOSS@example.test', role: 'author' })).status).toBe(
      422,
    );
    expect(owner.lastHtml).toContain('There is already an account with this email.');
    expect(
      (await owner.post('/admin/people', { email: 'tr2@example.test', role: 'translator' })).status,
    ).toBe(422);
    expect(owner.lastHtml).toContain('A translator needs at least one language to work in.');
    expect((await owner.post('/admin/people', { email: 'tr3@example.test', role: 'wizard' })).status).toBe(
      422,
    );
    expect(owner.lastHtml).toContain('Choose a role from the list.');
    expect(await findUserByEmail(t.database.db, 'tr2@example.test')).toBeUndefined();
  });

  it('changes role and languages, and audits what changed', async () => {
    const person = await addPerson(t, 'author', { email: 'au@example.test' });
    await owner.get(`/admin/people/${person.id}`);
    const response = await owner.post(`/admin/people/${person.id}`, {
      displayName: 'Ada',
      role: 'translator',
      locales: ['zh', 'en'],
    });
    expect(response.status).toBe(303);
    expect(await findUserById(t.database.db, person.id)).toMatchObject({
      role: 'translator',
      locales: ['zh', 'en'],
      displayName: 'Ada',
    });
    const [entry] = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.update')
      .where('subject_id', '=', person.id)
      .execute();
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({
      displayName: { from: '', to: 'Ada' },
      role: { from: 'author', to: 'translator' },
      locales: { from: [], to: ['zh', 'en'] },
    });
    expect((await owner.post(`/admin/people/${person.id}`, { role: 'translator' })).status).toBe(422);
    expect(owner.lastHtml).toContain('A translator needs at least one language to work in.');
  });

  it('never removes the last owner: not by a role change, not by disabling', async () => {
    const { browser: other, user: second } = await signedInAs(t, 'owner');
    // Two owners: one may step down.
    await other.get(`/admin/people/${second.id}`);
    expect((await other.post(`/admin/people/${second.id}`, { role: 'editor' })).status).toBe(303);
    expect((await findUserById(t.database.db, second.id))?.role).toBe('editor');

    await owner.get(`/admin/people/${me.id}`);
    const demote = await owner.post(`/admin/people/${me.id}`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(owner.lastHtml).toContain('This is the only owner left.');
    expect((await findUserById(t.database.db, me.id))?.role).toBe('owner');

    const disableSelf = await owner.post(`/admin/people/${me.id}/disable`, {});
    expect(disableSelf.status).toBe(409);
    expect(owner.lastHtml).toContain('You cannot disable your own account.');
    expect((await findUserById(t.database.db, me.id))?.disabledAt).toBeNull();
  });

  it('disables an account (ending its sessions at once) and enables it again', async () => {
    const { browser: victim, user } = await signedInAs(t, 'editor');
    expect(await countUserSessions(t.database.db, user.id)).toBe(1);
    await owner.get(`/admin/people/${user.id}`);
    expect(owner.lastHtml).toContain('Signed in on 1 device');
    const response = await owner.post(`/admin/people/${user.id}/disable`, {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/people/${user.id}?done=disabled`);
    await owner.get(response.headers.get('location') ?? '');
    expect(owner.lastHtml).toContain('The account is disabled and its sessions have ended.');
    expect(await countUserSessions(t.database.db, user.id)).toBe(0);
    expect((await victim.get('/admin/media')).status).toBe(303);
    await expect(victim.signIn(user.email, TEST_PASSWORD)).rejects.toThrow();

    expect((await owner.post(`/admin/people/${user.id}/enable`, {})).status).toBe(303);
    await victim.signIn(user.email, TEST_PASSWORD);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', user.id)
      .where('subject_kind', '=', 'user')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('issues a password reset link, and logs someone out everywhere', async () => {
    const { browser: laptop, user } = await signedInAs(t, 'author');
    await owner.get(`/admin/people/${user.id}`);
    const reset = await owner.post(`/admin/people/${user.id}/reset-link`, {});
    expect(reset.status).toBe(200);
    expect(owner.lastHtml).toContain('Password reset link');
    const link = owner.lastHtml;

    await owner.get(`/admin/people/${user.id}`);
    const out = await owner.post(`/admin/people/${user.id}/sign-out`, {});
    expect(out.status).toBe(303);
    expect((await laptop.get('/admin/media')).status).toBe(303);

    expect(await usePasswordLink(t, link)).toBe(303);
    await expect(laptop.signIn(user.email, TEST_PASSWORD)).rejects.toThrow('401');
    await laptop.signIn(user.email, NEW_PASSWORD);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', user.id)
      .where('subject_kind', '=', 'user')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.reset-link', 'user.sessions-revoke']),
    );
  });

  it('answers 404 for someone who does not exist', async () => {
    expect((await owner.get('/admin/people/424242')).status).toBe(404);
  });
});
