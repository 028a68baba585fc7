import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { z } from 'zod';
import { WebhookPayloadInvalid, WebhookUnauthenticated } from './errors.js';
import {
  cleanDetail,
  derivedEventId,
  instantFromUnixSeconds,
  type ParsedWebhook,
  type WebhookEvent,
  type WebhookEventKind,
} from './event.js';
import { isFreshTimestamp } from './signatures.js';

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

/**
 * The verification key SendGrid shows under Mail Settings: base64 DER (SubjectPublicKeyInfo) of an
 * ECDSA P-256 key; PEM is accepted too. A key that is not one stops start-up here rather than
 * failing every request later.
 */
export function sendgridPublicKey(configured: string): KeyObject {
  const text = configured.trim();
  const key = text.includes('BEGIN PUBLIC KEY')
    ? createPublicKey(text.replace(/\\n/g, '\n'))
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('SENDGRID_WEBHOOK_PUBLIC_KEY: expected an ECDSA P-256 public key');
  }
  return key;
}

/** Throws WebhookUnauthenticated unless the signature (base64 DER ECDSA over timestamp + body) verifies. */
export function verifySendgridSignature(
  key: KeyObject,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: Uint8Array,
  now: Date,
): void {
  if (!headers.signature) throw new WebhookUnauthenticated('no signature header');
  if (!isFreshTimestamp(headers.timestamp, now)) {
    throw new WebhookUnauthenticated('missing or stale timestamp');
  }
  const signed = Buffer.concat([Buffer.from(headers.timestamp ?? ''), rawBody]);
  let valid = false;
  try {
    valid = verify('sha256', signed, key, Buffer.from(headers.signature, 'base64'));
  } catch {
    // A signature that is not DER at all makes OpenSSL throw; it is as forged as a wrong one.
  }
  if (!valid) throw new WebhookUnauthenticated('signature mismatch');
}

const SendgridEvent = z.object({
  event: z.string().min(1).max(64),
  email: z.string().max(1000).optional(),
  timestamp: z.number().int().positive(),
  'smtp-id': z.string().max(2000).optional(),
  sg_event_id: z.string().min(1).max(200).optional(),
  type: z.string().max(64).optional(),
  reason: z.string().optional(),
  status: z.string().max(64).optional(),
  response: z.string().optional(),
  attempt: z.union([z.string(), z.number()]).optional(),
});

const SendgridBody = z.array(SendgridEvent);

type SendgridEventData = z.output<typeof SendgridEvent>;

function kindOf(event: SendgridEventData): WebhookEventKind | undefined {
  switch (event.event) {
    // `blocked` is the receiver refusing for now (reputation, content), not the address failing.
    case 'bounce':
      return event.type === 'blocked' ? 'soft_bounce' : 'hard_bounce';
    case 'deferred':
      return 'soft_bounce';
    case 'spamreport':
      return 'complaint';
    // SendGrid drops mail to addresses on its own suppression lists; the list says which kind.
    case 'dropped':
      if (event.reason === 'Bounced Address') return 'hard_bounce';
      if (event.reason === 'Spam Reporting Address') return 'complaint';
      return undefined;
    default:
      return undefined;
  }
}

function toEvent(event: SendgridEventData, index: number): WebhookEvent | undefined {
  const kind = kindOf(event);
  if (!kind) return undefined;
  if (event.email === undefined) {
    throw new WebhookPayloadInvalid('The body is not a SendGrid event batch: an event names no email.', [
      { field: `${index}.email`, message: 'required' },
    ]);
  }
  const detail =
    event.event === 'deferred'
      ? cleanDetail([event.response, event.attempt !== undefined ? `(attempt ${event.attempt})` : undefined])
      : cleanDetail([
          event.status,
          event.reason,
          event.type && event.type !== event.event ? `(${event.type})` : undefined,
        ]);
  const messageId = event['smtp-id'];
  const occurredAt = instantFromUnixSeconds(event.timestamp);
  return {
    provider: 'sendgrid',
    providerEventId:
      event.sg_event_id ?? derivedEventId([event.event, kind, event.email, messageId, occurredAt, detail]),
    kind,
    email: event.email,
    messageId,
    detail,
    occurredAt,
  };
}

/** SendGrid's event webhook: a JSON array of events, of which bounces, drops and spam reports count. */
export function parseSendgridEvents(body: unknown): ParsedWebhook {
  const result = SendgridBody.safeParse(body);
  if (!result.success) throw WebhookPayloadInvalid.fromZod('a SendGrid event batch', result.error);
  const events = result.data.flatMap((event, index) => toEvent(event, index) ?? []);
  return { events, ignored: result.data.length - events.length };
}
