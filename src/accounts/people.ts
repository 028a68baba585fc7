import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, UserRole } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import { isWellFormedLocale, type Locale } from '../platform/locale.js';
import { hashPassword } from './passwords.js';
import {
  consumeSetupToken,
  countOwners,
  deleteUserSessions,
  findUserByEmail,
  findUserById,
  insertSetupToken,
  insertUser,
  normalizeEmail,
  type User,
  updateUser,
  voidSetupTokens,
} from './queries.js';
import { ROLES } from './roles.js';
import { hashToken, newToken } from './tokens.js';

type Db = Kysely<Database>;

const HOUR_MS = 3_600_000;
export const SETUP_LINK_HOURS = 24;

export const NewUserSchema = z.object({
  email: z.email().max(254).transform(normalizeEmail),
  displayName: z.string().trim().max(120).default(''),
  role: z.enum(ROLES as [UserRole, ...UserRole[]]),
  locales: z
    .array(z.string().refine(isWellFormedLocale, { message: 'not a BCP 47 language tag' }))
    .default([]),
  uiLocale: z.string().refine(isWellFormedLocale).default('en'),
  /** True when the person picked `uiLocale` themselves; until then the admin follows their browser. */
  uiLocaleChosen: z.boolean().default(false),
});
export type NewUser = z.input<typeof NewUserSchema>;

class EmailTaken extends DomainError {
  constructor(email: string) {
    super('conflict', `There is already an account for ${email}.`, { field: 'email', code: 'email-taken' });
  }
}

/** Adds a person; with a password they can sign in at once, without one they need a setup link. */
export async function addUser(db: Db, input: NewUser, password: string | null, now: Date): Promise<User> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError(
      'invalid',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const user = parsed.data;
  if (user.role === 'translator' && user.locales.length === 0) {
    throw new DomainError('invalid', 'A translator needs at least one locale to work in.', {
      field: 'locales',
    });
  }
  if (await findUserByEmail(db, user.email)) throw new EmailTaken(user.email);
  const passwordHash = password === null ? null : await hashPassword(password);
  const id = await insertUser(db, { ...user, passwordHash }, now);
  return (await findUserById(db, id)) as User;
}

/**
 * A one-time link: for `userId` null, the link that creates the first owner; otherwise one that
 * sets that person's password. Returns the token to put in the URL (only its hash is kept). Any
 * older unused link for the same person stops working: only the newest link in a mailbox counts.
 */
export async function issueSetupToken(db: Db, userId: number | null, now: Date): Promise<string> {
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await voidSetupTokens(trx, userId, now);
    await insertSetupToken(trx, {
      hash: hashToken(token),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * HOUR_MS),
    });
  });
  return token;
}

/** The first-run link, issued only while no owner exists. */
export async function issueOwnerSetupToken(db: Db, now: Date): Promise<string | undefined> {
  if ((await countOwners(db)) > 0) return undefined;
  return issueSetupToken(db, null, now);
}

/**
 * Uses a one-time link: creates the first owner, or sets a person's password. Every other link of
 * that person is voided, and every existing session ends, so a reset also logs out whoever had
 * the old password.
 */
export async function redeemSetupToken(
  db: Db,
  token: string,
  input: { password: string; email?: string; displayName?: string; uiLocale?: Locale },
  now: Date,
): Promise<User> {
  // Hash the password before using the link, so a refused password leaves the link usable.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const link = await consumeSetupToken(trx, hashToken(token), now);
    if (!link) throw new DomainError('gone', 'This link has expired or was already used.');
    await voidSetupTokens(trx, link.userId, now);
    if (link.userId === null) {
      if ((await countOwners(trx)) > 0) throw new DomainError('gone', 'This site already has an owner.');
      const parsed = NewUserSchema.safeParse({
        email: input.email ?? '',
        displayName: input.displayName ?? '',
        role: 'owner',
        uiLocale: input.uiLocale ?? 'en',
      });
      if (!parsed.success)
        throw new DomainError('invalid', 'Enter a valid email address.', { field: 'email' });
      if (await findUserByEmail(trx, parsed.data.email)) throw new EmailTaken(parsed.data.email);
      const id = await insertUser(trx, { ...parsed.data, passwordHash }, now);
      return (await findUserById(trx, id)) as User;
    }
    const user = await findUserById(trx, link.userId);
    if (!user) throw new DomainError('gone', 'This account no longer exists.');
    await updateUser(trx, user.id, { passwordHash }, now);
    await deleteUserSessions(trx, user.id);
    return user;
  });
}

/**
 * Sets a new password directly (the CLI); ends all of that person's sessions and voids every link
 * that would set it again.
 */
export async function setPassword(db: Db, userId: number, password: string, now: Date): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { passwordHash }, now);
    await deleteUserSessions(trx, userId);
    await voidSetupTokens(trx, userId, now);
  });
}
