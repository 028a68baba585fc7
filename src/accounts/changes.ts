import type { Kysely } from 'kysely';
import { type Database, inTransaction, type UserRole } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import { isWellFormedLocale, type Locale } from '../platform/locale.js';
import { countOwners, deleteUserSessions, findUserById, type User, updateUser } from './queries.js';

type Db = Kysely<Database>;

/** What an owner may change about a person (their password goes through a one-time link). */
export interface UserChange {
  displayName?: string;
  role?: UserRole;
  locales?: Locale[];
  /** true disables the account (and ends its sessions), false enables it again. */
  disabled?: boolean;
}

export class LastOwner extends DomainError {
  constructor() {
    super('conflict', 'This is the only owner left: make someone else an owner first.', {
      code: 'last-owner',
    });
  }
}

/**
 * Would the change leave the site without an active owner? `activeOwners` counts the owners who
 * are not disabled, the person changed included. A site without one can no longer manage people,
 * settings or keys from the admin.
 */
export function removesLastOwner(
  user: Pick<User, 'role' | 'disabledAt'>,
  change: UserChange,
  activeOwners: number,
): boolean {
  const isActiveOwner = user.role === 'owner' && user.disabledAt === null;
  if (!isActiveOwner || activeOwners > 1) return false;
  return (change.role !== undefined && change.role !== 'owner') || change.disabled === true;
}

/**
 * Changes a person's name, role, locales or whether they may sign in, keeping the rules: a
 * translator works in at least one locale, and the last active owner stays an active owner.
 * Disabling ends every session at once. Returns the person as saved. Joins the caller's
 * transaction when given one, so a use case can audit and log the change with it.
 */
export async function changeUser(db: Db, userId: number, change: UserChange, now: Date): Promise<User> {
  return inTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new DomainError('not-found', `No account #${userId}.`);
    if (removesLastOwner(user, change, await countOwners(trx))) throw new LastOwner();
    const locales = change.locales ?? user.locales;
    if (locales.some((l) => !isWellFormedLocale(l))) {
      throw new DomainError('invalid', 'Locales must be BCP 47 language tags such as zh or en.', {
        field: 'locales',
      });
    }
    if ((change.role ?? user.role) === 'translator' && locales.length === 0) {
      throw new DomainError('invalid', 'A translator needs at least one locale to work in.', {
        field: 'locales',
      });
    }
    await updateUser(
      trx,
      userId,
      {
        ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.locales !== undefined ? { locales: change.locales } : {}),
        ...(change.disabled !== undefined
          ? { disabledAt: change.disabled ? (user.disabledAt ?? now.toISOString()) : null }
          : {}),
      },
      now,
    );
    if (change.disabled === true) await deleteUserSessions(trx, userId);
    return (await findUserById(trx, userId)) as User;
  });
}
