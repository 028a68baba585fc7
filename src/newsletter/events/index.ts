/** Bounce and complaint webhooks, and the audit trail of what they reported. */

/** The admin's read of the audit trail, newest first. */
export {
  countNewsletterEvents,
  listNewsletterEvents,
} from './queries.js';
/** The webhook surface to mount (POST /webhooks/newsletter/{velocity,mailgun,sendgrid,postmark}). */
export {
  createNewsletterWebhooks,
  MAX_WEBHOOK_BODY_BYTES,
  NEWSLETTER_WEBHOOKS_PATH,
} from './routes.js';
