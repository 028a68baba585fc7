import { describe, expect, it } from 'vitest';
import { NewsletterLinkRefused } from './errors.js';
import { signToken, verifyToken } from './tokens.js';

const SECRET = 'test-secret-key-0123456789';
const NOW = new Date('2026-11-28T09:00:00Z');
const LATER = Math.floor(NOW.getTime() / 1000) + 3600;

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof NewsletterLinkRefused) return error.reason;
    throw error;
  }
  return undefined;
}

describe('newsletter tokens', () => {
  const token = signToken(SECRET, { purpose: 'confirm', subscriberId: 7, expiresAt: LATER, nonce: 'abc' });

  it('round-trips its claims', () => {
    expect(verifyToken(SECRET, token, 'confirm', NOW)).toEqual({
      purpose: 'confirm',
      subscriberId: 7,
      expiresAt: LATER,
      nonce: 'abc',
    });
  });

  it.each([
    ['another secret', () => verifyToken('another-secret-0123456789', token, 'confirm', NOW), 'forged'],
    ['the wrong purpose', () => verifyToken(SECRET, token, 'unsubscribe', NOW), 'wrong-purpose'],
    ['expiry passed', () => verifyToken(SECRET, token, 'confirm', new Date(LATER * 1000)), 'expired'],
    [
      'a changed subscriber id',
      () => {
        const [v, payload, sig] = token.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
        const changed = Buffer.from(JSON.stringify({ ...claims, s: 8 })).toString('base64url');
        return verifyToken(SECRET, `${v}.${changed}.${sig}`, 'confirm', NOW);
      },
      'forged',
    ],
    ['a truncated signature', () => verifyToken(SECRET, token.slice(0, -3), 'confirm', NOW), 'forged'],
    ['garbage', () => verifyToken(SECRET, 'hello', 'confirm', NOW), 'forged'],
    ['empty', () => verifyToken(SECRET, '', 'confirm', NOW), 'forged'],
  ])('refuses %s', (_, run, reason) => expect(refusal(run)).toBe(reason));
});
