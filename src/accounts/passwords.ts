import argon2 from 'argon2';
import { DomainError } from '../platform/errors.js';

// OWASP's argon2id recommendation (19 MiB, 2 passes, 1 lane): ~30 ms here, slow enough for a
// stolen hash to be costly, fast enough that a login does not block the server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

/** Refuses a password that is too short or too long, with a message a person can act on. */
export function checkPasswordPolicy(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('invalid', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, {
      field: 'password',
      code: 'password-too-short',
    });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new DomainError('invalid', `A password may have at most ${MAX_PASSWORD_LENGTH} characters.`, {
      field: 'password',
      code: 'password-too-long',
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return argon2.hash(password, OPTIONS);
}

// Verifying against this when there is no usable hash (unknown, pending or disabled account, a
// hash that is not argon2) costs the same as a real check, so timing does not tell them apart.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= argon2.hash('not-a-real-password-0000', OPTIONS);
  return dummyHash;
}

/**
 * False for a wrong password, a missing hash and a hash that is not argon2 (never throws on bad
 * input). Always runs exactly one argon2 verification, whatever the input.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  const usable = hash?.startsWith('$argon2') === true && password.length <= MAX_PASSWORD_LENGTH;
  const target = usable && hash ? hash : await dummy();
  try {
    const matches = await argon2.verify(target, password.slice(0, MAX_PASSWORD_LENGTH));
    return usable && matches;
  } catch {
    return false;
  }
}
