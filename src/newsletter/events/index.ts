/** Bounce and complaint webhooks, and the audit trail of what they reported. */

/** Records and acts on parsed events: suppresses, counts soft bounces, dedupes retries. */
export { type ApplyOptions, type ApplySummary, applyWebhookEvents } from './apply.js';
/** One bounce or complaint as every provider's payload is read into. */
export type { ParsedWebhook, WebhookEvent, WebhookEventKind, WebhookProvider } from './event.js';
/** The admin's read of the audit trail, newest first. */
export {
  countNewsletterEvents,
  listNewsletterEvents,
  type NewsletterEventFilter,
  type NewsletterEventRecord,
} from './queries.js';
/** The webhook surface to mount (POST /webhooks/newsletter/{velocity,mailgun,sendgrid,postmark}). */
export {
  createNewsletterWebhooks,
  MAX_WEBHOOK_BODY_BYTES,
  NEWSLETTER_WEBHOOKS_PATH,
  type NewsletterWebhookDeps,
} from './routes.js';
/** Builds the X-Velocity-Signature header, for senders written in TypeScript and for tests. */
export { velocitySignature } from './velocity.js';
