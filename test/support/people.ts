import { addUser, type User } from '../../src/accounts/index.js';
import type { UserRole } from '../../src/platform/database/index.js';
import { AdminClient } from './admin-client.js';
import type { TestApp } from './app.js';

export const TEST_PASSWORD = 'correct horse battery';

/** A person of `role` who can sign in with TEST_PASSWORD (translators work in `locales`). */
export function addPerson(
  app: TestApp,
  role: UserRole,
  options: { email?: string; locales?: string[]; displayName?: string } = {},
): Promise<User> {
  return addUser(
    app.database.db,
    {
      email: options.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`,
      role,
      displayName: options.displayName ?? '',
      locales: options.locales ?? (role === 'translator' ? ['en'] : []),
    },
    TEST_PASSWORD,
    new Date(),
  );
}

/** A browser signed in as a new person of `role`. */
export async function signedInAs(
  app: TestApp,
  role: UserRole,
  options: { email?: string; locales?: string[] } = {},
): Promise<{ browser: AdminClient; user: User }> {
  const user = await addPerson(app, role, options);
  const browser = new AdminClient(app);
  await browser.signIn(user.email, TEST_PASSWORD);
  return { browser, user };
}

/** One signed-in editor per admin language, each having chosen it (so no browser default wins). */
export async function editorsByLanguage(
  app: TestApp,
): Promise<Record<'en' | 'zh', { browser: AdminClient; user: User }>> {
  const editors = {} as Record<'en' | 'zh', { browser: AdminClient; user: User }>;
  for (const locale of ['en', 'zh'] as const) {
    const editor = await signedInAs(app, 'editor', { email: `editor-${locale}@example.test` });
    await app.database.db
      .updateTable('users')
      .set({ ui_locale: locale, ui_locale_chosen: 1 })
      .where('id', '=', editor.user.id)
      .execute();
    editors[locale] = editor;
  }
  return editors;
}
