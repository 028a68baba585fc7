import { z } from 'zod';
import { normaliseEmailAddress } from '../email-address.js';
import { WebhookPayloadInvalid, WebhookUnauthenticated } from './errors.js';
import { cleanDetail, derivedEventId, IsoInstant, type ParsedWebhook, type WebhookEvent } from './event.js';
import { equalHexDigests, hmacSha256Hex, isFreshTimestamp } from './signatures.js';

export const VELOCITY_SIGNATURE_HEADER = 'x-velocity-signature';

/**
 * The header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`: signing the time with
 * the body lets us refuse an old request replayed (the scheme Stripe documents). Throws
 * WebhookUnauthenticated unless one `v1` matches and `t` is recent.
 */
export function verifyVelocitySignature(
  secret: string,
  header: string | undefined,
  rawBody: Uint8Array,
  now: Date,
): void {
  if (!header) throw new WebhookUnauthenticated('no signature header');
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't') timestamp = value;
    // Several v1 values are allowed so a sender can sign with an old and a new secret while rotating.
    if (key === 'v1' && value) signatures.push(value);
  }
  if (!isFreshTimestamp(timestamp, now)) throw new WebhookUnauthenticated('missing or stale timestamp');
  const expected = hmacSha256Hex(secret, `${timestamp}.`, rawBody);
  // Every candidate is compared, so how many there are says nothing about which one matched.
  const matches = signatures.map((signature) => equalHexDigests(expected, signature));
  if (!matches.includes(true)) throw new WebhookUnauthenticated('signature mismatch');
}

const KINDS_WE_ACT_ON = ['hard_bounce', 'soft_bounce', 'complaint'] as const;

const VelocityEvent = z.object({
  id: z.string().trim().min(1).max(200).optional(),
  kind: z.string().min(1).max(64),
  email: z
    .string()
    .max(320)
    .refine((value) => {
      try {
        normaliseEmailAddress(value);
        return true;
      } catch {
        return false;
      }
    }, 'not a valid email address (one address, no control characters)'),
  messageId: z.string().max(998).optional(),
  detail: z.string().max(10_000).optional(),
  occurredAt: IsoInstant,
});

const VelocityBatch = z.object({ events: z.array(VelocityEvent).max(1000) });

function toEvent(event: z.output<typeof VelocityEvent>): WebhookEvent | undefined {
  const kind = KINDS_WE_ACT_ON.find((k) => k === event.kind);
  if (!kind) return undefined;
  const detail = cleanDetail([event.detail]);
  return {
    provider: 'velocity',
    providerEventId:
      event.id ?? derivedEventId([kind, event.email, event.messageId, event.occurredAt, detail]),
    kind,
    email: event.email,
    messageId: event.messageId,
    detail,
    occurredAt: event.occurredAt,
  };
}

/**
 * Our own JSON shape (docs/newsletter-webhooks.md): one event, or `{ "events": [...] }`. Every
 * event is checked before any is returned, so a batch with one bad event is refused whole.
 */
export function parseVelocityEvents(body: unknown): ParsedWebhook {
  const isBatch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
  const result = isBatch ? VelocityBatch.safeParse(body) : VelocityEvent.safeParse(body);
  if (!result.success) {
    throw WebhookPayloadInvalid.fromZod('a Code Velocity bounce event or { "events": [...] }', result.error);
  }
  const raw = 'events' in result.data ? result.data.events : [result.data];
  const events = raw.flatMap((event) => toEvent(event) ?? []);
  return { events, ignored: raw.length - events.length };
}
