// The newsletter's public surface. Its services are reached through the object createNewsletter
// returns (the site's signup and subscription pages, the admin's lists and sends, the background
// work); what else is exported here is data: types, errors, paths and pure helpers.

/** The admin's subscriber list and CSV import: rows, filters, states, the import's report. */
export { type ImportReport, SubscriberCsvRefused } from './admin-import.js';
export { type AdminSubscriber, SUBSCRIBER_STATES, type SubscriberFilter } from './admin-queries.js';
export { csvLine } from './csv.js';
/** A composed digest's per-subscriber links. */
export { fillDigestLinks } from './digest/index.js';
/** Stored address form, or InvalidEmailAddress for malformed and header-injecting input. */
export { normaliseEmailAddress } from './email-address.js';
/** Typed refusals the site maps to its pages. */
export { InvalidEmailAddress, InvalidSignup, NewsletterLinkRefused, SignupRateLimited } from './errors.js';
/** The provider webhooks' path and body limit, for the request limits in front of them. */
export { MAX_WEBHOOK_BODY_BYTES, NEWSLETTER_WEBHOOKS_PATH } from './events/index.js';
/** The public paths of the newsletter pages, shared by the site's routes and the emails. */
export { confirmPath, preferencesPath, signupPath, unsubscribePath } from './links.js';
/** SMTP (or outbox files when none is configured) for newsletter mail. */
export { createMailer, type Mailer } from './mailer.js';
/** The entry point: one object for the site, the admin and the background work. */
export { createNewsletter, type Newsletter } from './newsletter.js';
/** A subscriber's topic: a section key or an entity slug. */
export type { Topic } from './queries.js';
/** Issues and their delivery counts as the admin and the command show them. */
export { type DeliveryCounts, EMPTY_COUNTS, type IssueRow, type SendTally } from './sending/index.js';
/** Expired signup attempts, removed by the hourly prune. */
export { pruneSignupAttempts } from './subscribe.js';
/** The admin's digest preview and test sends: one at a time per person, failures as one line. */
export {
  type ComposedDigest,
  createTestSendLimiter,
  type DigestChoice,
  previewPeriod,
  sendErrorLine,
} from './test-send.js';
