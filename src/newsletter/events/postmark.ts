import { z } from 'zod';
import { WebhookPayloadInvalid, WebhookUnauthenticated } from './errors.js';
import {
  cleanDetail,
  derivedEventId,
  IsoInstant,
  type ParsedWebhook,
  type WebhookEventKind,
} from './event.js';
import { equalSecrets } from './signatures.js';

/** The user name our docs tell operators to put in the Postmark webhook URL. */
const POSTMARK_WEBHOOK_USER = 'postmark';

/**
 * Postmark signs nothing; its webhooks authenticate with HTTP Basic credentials in the URL
 * (RFC 7617). The user and password are compared in constant time, both always.
 */
export function verifyPostmarkCredentials(password: string, authorization: string | undefined): void {
  const match = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!match?.[1]) throw new WebhookUnauthenticated('no basic credentials');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new WebhookUnauthenticated('malformed basic credentials');
  const userMatches = equalSecrets(POSTMARK_WEBHOOK_USER, decoded.slice(0, colon));
  const passwordMatches = equalSecrets(password, decoded.slice(colon + 1));
  if (!userMatches || !passwordMatches) throw new WebhookUnauthenticated('wrong credentials');
}

// Postmark's bounce types (its Bounce API reference). Those not named here (auto-replies,
// subscribe requests, challenge mails, spam-filter notices) say nothing about the address.
const HARD_BOUNCE_TYPES = new Set(['HardBounce', 'BadEmailAddress']);
// `Blocked` is the receiver refusing our mail for now, like SendGrid's blocked bounces.
const SOFT_BOUNCE_TYPES = new Set(['SoftBounce', 'Transient', 'DnsError', 'Blocked']);

const PostmarkRecord = z.object({
  RecordType: z.string().min(1).max(64),
  // Not `.int()`: zod refuses integers past 2^53 outright, and such an id is still a valid record.
  ID: z.union([z.number(), z.string().min(1).max(200)]).optional(),
  Type: z.string().max(64).optional(),
  MessageID: z.string().max(2000).optional(),
  Email: z.string().max(1000).optional(),
  BouncedAt: IsoInstant.optional(),
  Description: z.string().optional(),
  Details: z.string().optional(),
});

/**
 * JSON.parse rounds integers past 2^53, and two rounded ids can collide, which would drop an event
 * as a duplicate; such an id is not used, and the event's content names it instead.
 */
function isExactId(id: number | string): boolean {
  return typeof id === 'string' || Number.isSafeInteger(id);
}

function kindOf(record: z.output<typeof PostmarkRecord>): WebhookEventKind | undefined {
  if (record.RecordType === 'SpamComplaint') return 'complaint';
  if (record.RecordType !== 'Bounce' || record.Type === undefined) return undefined;
  if (record.Type === 'SpamComplaint') return 'complaint';
  if (HARD_BOUNCE_TYPES.has(record.Type)) return 'hard_bounce';
  if (SOFT_BOUNCE_TYPES.has(record.Type)) return 'soft_bounce';
  return undefined;
}

/** Postmark's bounce and spam-complaint webhooks: one record per request. */
export function parsePostmarkRecord(body: unknown): ParsedWebhook {
  const result = PostmarkRecord.safeParse(body);
  if (!result.success) throw WebhookPayloadInvalid.fromZod('a Postmark webhook record', result.error);
  const record = result.data;
  const kind = kindOf(record);
  if (!kind) return { events: [], ignored: 1 };
  if (record.Email === undefined || record.BouncedAt === undefined) {
    throw new WebhookPayloadInvalid(
      `The body is not a Postmark ${record.RecordType} record: it needs Email and BouncedAt.`,
      [
        ...(record.Email === undefined ? [{ field: 'Email', message: 'required' }] : []),
        ...(record.BouncedAt === undefined ? [{ field: 'BouncedAt', message: 'required' }] : []),
      ],
    );
  }
  const detail = cleanDetail([record.Type, record.Description, record.Details]);
  return {
    events: [
      {
        provider: 'postmark',
        providerEventId:
          record.ID !== undefined && isExactId(record.ID)
            ? `${record.RecordType}:${record.ID}`
            : derivedEventId([
                record.RecordType,
                kind,
                record.Email,
                record.MessageID,
                record.BouncedAt,
                detail,
              ]),
        kind,
        email: record.Email,
        // Postmark's own id for the message; it is ours only when the mail kept its Message-ID.
        messageId: record.MessageID,
        detail,
        occurredAt: record.BouncedAt,
      },
    ],
    ignored: 0,
  };
}
