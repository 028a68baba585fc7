import { z } from 'zod';
import { WebhookPayloadInvalid, WebhookUnauthenticated } from './errors.js';
import {
  cleanDetail,
  derivedEventId,
  instantFromUnixSeconds,
  type ParsedWebhook,
  type WebhookEventKind,
} from './event.js';
import { equalHexDigests, hmacSha256Hex, isFreshTimestamp } from './signatures.js';

const MailgunSignature = z.object({
  timestamp: z.union([z.string(), z.number()]).transform(String),
  token: z.string().min(1).max(500),
  signature: z.string(),
});

/**
 * Mailgun puts its signature in the body: hex HMAC-SHA256 of timestamp then token, keyed by the
 * webhook signing key. It covers neither the event nor the URL, so the timestamp window is what
 * stops a captured signature from being reused with other event data for long.
 */
export function verifyMailgunSignature(signingKey: string, body: unknown, now: Date): void {
  const parsed = z.object({ signature: MailgunSignature }).safeParse(body);
  if (!parsed.success) throw new WebhookUnauthenticated('no signature object');
  const { timestamp, token, signature } = parsed.data.signature;
  if (!isFreshTimestamp(timestamp, now)) throw new WebhookUnauthenticated('missing or stale timestamp');
  if (!equalHexDigests(hmacSha256Hex(signingKey, timestamp, token), signature)) {
    throw new WebhookUnauthenticated('signature mismatch');
  }
}

const MailgunEventData = z.object({
  id: z.string().min(1).max(200).optional(),
  event: z.string().min(1).max(64),
  timestamp: z.number().positive(),
  recipient: z.string().max(1000).optional(),
  severity: z.string().max(64).optional(),
  reason: z.string().max(1000).optional(),
  message: z
    .object({ headers: z.object({ 'message-id': z.string().max(2000).optional() }).optional() })
    .optional(),
  'delivery-status': z
    .object({
      code: z.union([z.number(), z.string()]).optional(),
      message: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
});

const MailgunBody = z.object({ 'event-data': MailgunEventData });

function kindOf(data: z.output<typeof MailgunEventData>): WebhookEventKind | undefined {
  if (data.event === 'complained') return 'complaint';
  if (data.event !== 'failed') return undefined;
  // Mailgun: permanent when it gave up on the address, temporary when the receiver may take it later.
  if (data.severity === 'permanent') return 'hard_bounce';
  if (data.severity === 'temporary') return 'soft_bounce';
  throw new WebhookPayloadInvalid('The body is not a Mailgun event: a failed event needs a severity.', [
    { field: 'event-data.severity', message: 'expected "permanent" or "temporary"' },
  ]);
}

/** Mailgun's JSON webhook (one event per request, under `event-data`). */
export function parseMailgunEvent(body: unknown): ParsedWebhook {
  const result = MailgunBody.safeParse(body);
  if (!result.success) throw WebhookPayloadInvalid.fromZod('a Mailgun webhook', result.error);
  const data = result.data['event-data'];
  const kind = kindOf(data);
  if (!kind) return { events: [], ignored: 1 };
  if (data.recipient === undefined) {
    throw new WebhookPayloadInvalid('The body is not a Mailgun event: it names no recipient.', [
      { field: 'event-data.recipient', message: 'required' },
    ]);
  }
  const status = data['delivery-status'];
  const detail = cleanDetail([
    status?.code,
    status?.message || status?.description,
    data.reason ? `(${data.reason})` : undefined,
  ]);
  const messageId = data.message?.headers?.['message-id'];
  const occurredAt = instantFromUnixSeconds(data.timestamp);
  // Mailgun's event id is only promised unique within a day; with the event's time it stays unique.
  const providerEventId = data.id
    ? `${data.id}@${data.timestamp}`
    : derivedEventId([kind, data.recipient, messageId, occurredAt, detail]);
  return {
    events: [
      { provider: 'mailgun', providerEventId, kind, email: data.recipient, messageId, detail, occurredAt },
    ],
    ignored: 0,
  };
}
