import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import { verifyPassword } from './passwords.js';
import { findSignInCandidate, normalizeEmail, type User } from './queries.js';
import { ADDRESS_RULE, PAIR_RULE, reserveAttempt, settleSuccess } from './throttle.js';

type Db = Kysely<Database>;

/** Raised while sign-ins from this address (for this account, or for any) must wait. */
export class TooManySignIns extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate-limited', `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }
}

class WrongCredentials extends DomainError {
  constructor() {
    super('unauthenticated', 'That email and password do not match an account.');
  }
}

/**
 * Checks an email and password. Failures slow down the pair (this account from this address)
 * and the address; never the account as such, so nobody elsewhere can keep its owner out. The
 * attempt is reserved before the password is checked, so parallel attempts cannot exceed the
 * rules. Unknown, pending and disabled accounts cost one argon2 verification like real ones, so
 * neither time nor answer tells them apart. `addressKey` is an HMAC of the client's address.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; addressKey: string },
  now: Date,
): Promise<User> {
  const email = normalizeEmail(input.email);
  const pairKey = `pair:${createHash('sha256').update(`${input.addressKey}\n${email}`).digest('base64url')}`;
  const addressKey = `address:${input.addressKey}`;
  const reservation = await reserveAttempt(
    db,
    [
      { key: pairKey, rule: PAIR_RULE },
      { key: addressKey, rule: ADDRESS_RULE },
    ],
    now,
  );
  if (!reservation.ok) throw new TooManySignIns(Math.max(1, Math.ceil(reservation.retryAfterMs / 1000)));
  const candidate = await findSignInCandidate(db, email);
  // verifyPassword runs argon2 against a dummy hash whenever there is no usable one.
  const usable = candidate && !candidate.user.disabledAt ? candidate.passwordHash : null;
  const matches = await verifyPassword(usable, input.password);
  if (!candidate || !usable || !matches) throw new WrongCredentials();
  await settleSuccess(db, pairKey, addressKey);
  return candidate.user;
}
