import type { Kysely } from 'kysely';
import { type Actor, can, changeUser, findUserById, recordAudit, type User } from '../accounts/index.js';
import type { Database, UserRole } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import type { Locale } from '../platform/locale.js';
import { NotAllowed } from './errors.js';
import { type NamesOutcome, namesChanged } from './names.js';
import { NOTHING_PUBLIC, type Outcome } from './outcome.js';
import { recordedWrite } from './use-case.js';

type Db = Kysely<Database>;

/** What the people admin changes about a staff member; their profile goes through saveProfile. */
export type StaffChange =
  | { kind: 'details'; displayName: string; role: UserRole; locales: Locale[] }
  | { kind: 'access'; disabled: boolean };

const DETAILS = ['displayName', 'role', 'locales'] as const;

/**
 * Whether readers see the difference: the name is in bylines on every page, and a disabled
 * account loses its author page and the links to it. Role and locales stay in the admin.
 */
function seenByReaders(before: User, after: User): boolean {
  return (
    before.displayName !== after.displayName || (before.disabledAt === null) !== (after.disabledAt === null)
  );
}

/**
 * An owner changes a staff member's name, role and locales, or disables or enables the account:
 * the change and its audit entry in one transaction. A change readers see drops every cached
 * page, as a change of names does (the name is in bylines everywhere).
 */
export async function changeStaffMember(
  db: Db,
  actor: Actor,
  input: { userId: number; change: StaffChange },
  now: Date,
): Promise<{ user: User; outcome: NamesOutcome | Outcome }> {
  if (!can(actor, { action: 'users.manage' })) throw new NotAllowed('users.manage');
  const { userId, change } = input;
  return recordedWrite(db, async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw new DomainError('not-found', `No account #${userId}.`);
    const { kind, ...fields } = change;
    const user = await changeUser(trx, userId, fields, now);
    if (kind === 'access') {
      const action = change.disabled ? 'user.disable' : 'user.enable';
      await recordAudit(
        trx,
        { actor, action, subject: { kind: 'user', id: userId }, summary: user.email },
        now,
      );
    }
    const changed = DETAILS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(user[key]));
    if (changed.length > 0) {
      await recordAudit(
        trx,
        {
          actor,
          action: 'user.update',
          subject: { kind: 'user', id: userId },
          summary: user.email,
          details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: user[key] }])),
        },
        now,
      );
    }
    return { user, outcome: seenByReaders(before, user) ? namesChanged({}) : NOTHING_PUBLIC };
  });
}
