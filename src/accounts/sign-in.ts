import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import {
  clearLoginFailures,
  countLoginFailures,
  findPasswordHash,
  findUserByEmail,
  normalizeEmail,
  recordLoginFailure,
  type User,
} from './queries.js';

type Db = Kysely<Database>;

export const LOGIN_WINDOW_MINUTES = 15;
/** Failed sign-ins one account may have in the window before it must wait. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed sign-ins one address may have in the window, across all accounts. */
export const ADDRESS_FAILURE_LIMIT = 20;

/** Raised when sign-ins are paused; says how long to wait. */
export class TooManySignIns extends DomainError {
  constructor(
    readonly scope: 'account' | 'address',
    readonly retryAfterSeconds: number,
  ) {
    super(
      'rate-limited',
      `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      {
        scope,
        retryAfterSeconds,
      },
    );
  }
}

export class WrongCredentials extends DomainError {
  constructor() {
    super('unauthenticated', 'That email and password do not match an account.');
  }
}

async function assertNotLimited(
  db: Db,
  key: string,
  limit: number,
  scope: 'account' | 'address',
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const { count, oldest } = await countLoginFailures(db, key, windowStart);
  if (count < limit || !oldest) return;
  const opensAt = Date.parse(oldest) + LOGIN_WINDOW_MINUTES * 60_000;
  throw new TooManySignIns(scope, Math.max(1, Math.round((opensAt - now.getTime()) / 1000)));
}

/**
 * Checks an email and password. Failures count against the account and against the address
 * (an HMAC of it, never the address itself); either limit pauses sign-ins with a clear message,
 * also for the right password, so guessing cannot go on in the background.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; addressKey: string },
  now: Date,
): Promise<User> {
  const accountKey = `account:${normalizeEmail(input.email)}`;
  const addressKey = `address:${input.addressKey}`;
  await assertNotLimited(db, addressKey, ADDRESS_FAILURE_LIMIT, 'address', now);
  await assertNotLimited(db, accountKey, ACCOUNT_FAILURE_LIMIT, 'account', now);
  const user = await findUserByEmail(db, input.email);
  let ok = false;
  if (user)
    ok = !user.disabledAt && (await verifyPassword(await findPasswordHash(db, user.id), input.password));
  else await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    await recordLoginFailure(db, [accountKey, addressKey], now);
    throw new WrongCredentials();
  }
  await clearLoginFailures(db, accountKey);
  return user;
}
