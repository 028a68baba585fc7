import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Deliveries are signed as the Standard Webhooks specification says (standardwebhooks.com), so
// receivers can check them with any of its libraries: HMAC-SHA256 over `<id>.<timestamp>.<body>`,
// sent as `webhook-signature: v1,<base64>`.

const PREFIX = 'whsec_';
/** Random bytes in a new secret: 192 bits, base64 without padding. */
const SECRET_BYTES = 24;

/** A new signing secret: `whsec_` and the base64 of 24 random bytes, the form receivers expect. */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The HMAC key of a secret. A Standard Webhooks secret is `whsec_` and canonical base64, and its
 * key is the decoded bytes. Secrets made before signing followed the standard are `whsec_` and
 * base64url (43 characters, never canonical base64); they were used as they stand, so their key
 * stays the UTF-8 bytes of the whole string (a receiver passes them with `format: 'raw'`), and
 * replacing the secret moves the webhook to the standard form.
 */
export function signingKey(secret: string): Buffer {
  return standardKey(secret) ?? Buffer.from(secret, 'utf8');
}

function standardKey(secret: string): Buffer | undefined {
  if (!secret.startsWith(PREFIX)) return undefined;
  const encoded = secret.slice(PREFIX.length);
  const decoded = Buffer.from(encoded, 'base64');
  return encoded !== '' && decoded.toString('base64') === encoded ? decoded : undefined;
}

/** True for a secret made before signing followed Standard Webhooks (see signingKey). */
export function isLegacySecret(secret: string): boolean {
  return standardKey(secret) === undefined;
}

function sign(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The three headers of a delivery attempt: its id (the same on every retry), when, and the signature. */
export function signatureHeaders(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string } {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(signingKey(secret), id, timestamp, body),
  };
}

/**
 * What a receiver checks: one of the space-separated `v1,` signatures matches and the timestamp
 * is within `toleranceSeconds` of `now`. The `standardwebhooks` package does the same against the
 * wall clock; this one takes the clock as an argument, for tests that pin time.
 */
export function verifySignature(input: {
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  now: Date;
  toleranceSeconds?: number;
}): boolean {
  const header = (name: string) => {
    const value = input.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('webhook-id');
  const timestamp = Number(header('webhook-timestamp'));
  const signatures = header('webhook-signature')?.split(' ') ?? [];
  if (!id || !Number.isInteger(timestamp)) return false;
  if (Math.abs(input.now.getTime() / 1000 - timestamp) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(signingKey(input.secret), id, timestamp, input.body));
  return signatures.some((given) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}
