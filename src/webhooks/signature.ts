import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `x-velocity-signature` header: `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>`
 * with the webhook's secret. Signing the timestamp with the body lets a receiver refuse replays
 * of an old delivery (the scheme Stripe and Slack use).
 */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver checks: the signature matches and the timestamp is within `toleranceSeconds`
 * of `now`. Exported for integrators' tests and our own.
 */
export function verifySignature(input: {
  secret: string;
  timestamp: string | undefined;
  body: string;
  signature: string | undefined;
  now: Date;
  toleranceSeconds?: number;
}): boolean {
  const timestamp = Number(input.timestamp);
  if (!Number.isInteger(timestamp) || !input.signature) return false;
  const age = Math.abs(input.now.getTime() / 1000 - timestamp);
  if (age > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signatureHeader(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
