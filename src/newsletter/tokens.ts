import { createHmac, timingSafeEqual } from 'node:crypto';
import { NewsletterLinkRefused } from './errors.js';

/** What a signed link lets its holder do; a token for one purpose is refused for another. */
export type TokenPurpose = 'confirm' | 'preferences' | 'unsubscribe';

export interface TokenClaims {
  purpose: TokenPurpose;
  subscriberId: number;
  /** Seconds since the epoch after which the link is refused. */
  expiresAt: number;
  /** The confirmation nonce (confirm links only): consumed on use, so a replay is refused. */
  nonce?: string;
}

const VERSION = 'n1';
const PURPOSES: readonly TokenPurpose[] = ['confirm', 'preferences', 'unsubscribe'];

// A key of its own, derived from the platform secret, so a newsletter signature can never be
// passed off as any other HMAC the platform computes with the same secret (share visitors…).
const signingKeys = new Map<string, Buffer>();

function signingKey(secret: string): Buffer {
  // Derived once per secret: a digest signs two links per message, 100,000 messages at a time.
  let key = signingKeys.get(secret);
  if (!key) {
    key = createHmac('sha256', secret).update('newsletter-link-tokens').digest();
    signingKeys.set(secret, key);
  }
  return key;
}

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', signingKey(secret)).update(`${VERSION}.${payload}`).digest();
}

/** A URL-safe token: version, base64url JSON claims, base64url HMAC-SHA256 of both. */
export function signToken(secret: string, claims: TokenClaims): string {
  const body: Record<string, unknown> = { p: claims.purpose, s: claims.subscriberId, e: claims.expiresAt };
  if (claims.nonce) body.n = claims.nonce;
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${VERSION}.${payload}.${signature(secret, payload).toString('base64url')}`;
}

/**
 * The claims of a token signed with `secret` for `purpose` and not expired at `now`; otherwise
 * NewsletterLinkRefused ('forged', 'expired' or 'wrong-purpose'). The signature is compared in
 * constant time, and checked before anything in the payload is believed.
 */
export function verifyToken(secret: string, token: string, purpose: TokenPurpose, now: Date): TokenClaims {
  const [version, payload, sent, ...rest] = token.split('.');
  if (version !== VERSION || !payload || !sent || rest.length > 0 || token.length > 512) {
    throw new NewsletterLinkRefused('forged');
  }
  const expected = signature(secret, payload);
  const given = Buffer.from(sent, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new NewsletterLinkRefused('forged');
  }
  const claims = parseClaims(payload);
  if (claims.purpose !== purpose) throw new NewsletterLinkRefused('wrong-purpose');
  if (now.getTime() / 1000 >= claims.expiresAt) throw new NewsletterLinkRefused('expired');
  return claims;
}

function parseClaims(payload: string): TokenClaims {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new NewsletterLinkRefused('forged');
  }
  const { p, s, e, n } = (body ?? {}) as Record<string, unknown>;
  if (
    !PURPOSES.includes(p as TokenPurpose) ||
    !Number.isSafeInteger(s) ||
    !Number.isSafeInteger(e) ||
    (n !== undefined && typeof n !== 'string')
  ) {
    throw new NewsletterLinkRefused('forged');
  }
  return {
    purpose: p as TokenPurpose,
    subscriberId: s as number,
    expiresAt: e as number,
    ...(typeof n === 'string' ? { nonce: n } : {}),
  };
}
