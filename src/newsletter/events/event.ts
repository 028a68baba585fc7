import { createHash } from 'node:crypto';
import { z } from 'zod';

export type WebhookProvider = 'velocity' | 'mailgun' | 'sendgrid' | 'postmark';
export type WebhookEventKind = 'hard_bounce' | 'soft_bounce' | 'complaint';

/** One bounce or complaint, whichever provider reported it and however it spelled it. */
export interface WebhookEvent {
  provider: WebhookProvider;
  /** The provider's id of the event, or one derived from its content: how a retry is recognised. */
  providerEventId: string;
  kind: WebhookEventKind;
  /** As the provider sent it; normalised, or recorded escaped, when the event is applied. */
  email: string;
  /** Message-ID of the message concerned, with or without angle brackets. */
  messageId?: string | undefined;
  detail: string;
  /** ISO 8601 instant in UTC. */
  occurredAt: string;
}

/** What one request carried: the events we act on, and how many others (opens, deliveries…) were skipped. */
export interface ParsedWebhook {
  events: WebhookEvent[];
  ignored: number;
}

// The admin shows the detail in a table cell; an SMTP reply longer than this is a dump, not a reason.
const MAX_DETAIL_LENGTH = 1000;
// RFC 5322 §2.1.1: a header line is at most 998 characters, so no real Message-ID is longer.
const MAX_MESSAGE_ID_LENGTH = 998;

/** Detail text as stored: control characters (CR/LF in particular) flattened, length capped. */
export function cleanDetail(parts: (string | number | undefined | null)[]): string {
  return (
    parts
      .filter((part) => part !== undefined && part !== null && String(part).trim() !== '')
      .join(' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: flattening control characters is the point.
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_DETAIL_LENGTH)
  );
}

/**
 * A stable id for an event the provider gave none: the same event sent twice hashes the same, so
 * the retry is still recognised. Only fields that say what happened go in, never receipt times.
 */
export function derivedEventId(parts: (string | number | undefined)[]): string {
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(parts.map((part) => part ?? null)))
    .digest('hex')}`;
}

/**
 * The Message-ID as newsletter_deliveries stores it (`<local@domain>`), or undefined when the
 * value cannot be one (empty, control characters, longer than a header line).
 */
export function storedMessageId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bare = value.trim().replace(/^<+/, '').replace(/>+$/, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a Message-ID with control characters is junk.
  if (bare === '' || /[\u0000-\u0020\u007f<>]/.test(bare)) return undefined;
  const stored = `<${bare}>`;
  return stored.length <= MAX_MESSAGE_ID_LENGTH ? stored : undefined;
}

/** Unix seconds (integer or fractional) as an ISO instant. */
export function instantFromUnixSeconds(seconds: number): string {
  return new Date(Math.round(seconds * 1000)).toISOString();
}

// Date.parse also accepts "1" or "Dec 1"; a webhook's time must be unambiguous ISO 8601 with a zone.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 date-time with a zone (any precision), checked and turned into UTC. */
export const IsoInstant = z.string().transform((value, ctx) => {
  const time = ISO_WITH_ZONE.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 date-time with a time zone' });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});
