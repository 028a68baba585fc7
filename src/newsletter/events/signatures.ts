import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How far a signed timestamp may be from our clock. Five minutes is the window Stripe and the
 * Standard Webhooks spec use: enough for clock skew and queueing, short enough to bound replays.
 */
const SIGNATURE_TOLERANCE_SECONDS = 300;

export function hmacSha256Hex(key: string, ...parts: (string | Uint8Array)[]): string {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex');
}

/** Constant-time comparison of two hex SHA-256 digests; anything that is not one is unequal. */
export function equalHexDigests(expected: string, given: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given.toLowerCase(), 'hex'));
}

/**
 * Constant-time comparison of two secrets of any length: both are hashed first, so neither the
 * content nor the length of the expected one leaks through timing.
 */
export function equalSecrets(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** True when `timestamp` is whole Unix seconds within the tolerance of `now`, either way. */
export function isFreshTimestamp(timestamp: string | undefined, now: Date): boolean {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= SIGNATURE_TOLERANCE_SECONDS;
}
