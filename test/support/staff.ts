import type { Kysely } from 'kysely';
import { type Actor, addUser } from '../../src/accounts/index.js';
import type { Database } from '../../src/platform/database/index.js';

/** A newsroom person with no password, in the shape the editorial functions take as their actor. */
export async function addActor(
  db: Kysely<Database>,
  email: string,
  role: Actor['role'],
  now: Date,
  locales: string[] = [],
): Promise<Actor> {
  const user = await addUser(db, { email, role, locales }, null, now);
  return { id: user.id, email: user.email, role: user.role, locales: user.locales };
}

/** One person of each editorial role: owner, editor, author, and a translator into English. */
export async function addStaff(
  db: Kysely<Database>,
  now: Date,
): Promise<{ owner: Actor; editor: Actor; author: Actor; translator: Actor }> {
  return {
    owner: await addActor(db, 'owner@example.test', 'owner', now),
    editor: await addActor(db, 'editor@example.test', 'editor', now),
    author: await addActor(db, 'author@example.test', 'author', now),
    translator: await addActor(db, 'translator@example.test', 'translator', now, ['en']),
  };
}
