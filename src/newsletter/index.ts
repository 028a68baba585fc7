/** The newsletter's public surface: subscribing, confirming, managing a subscription, mail. */

export {
  type ImportProblem,
  type ImportReport,
  importSubscribersCsv,
  SubscriberCsvRefused,
} from './admin-import.js';
/** The admin's subscriber list: search, counts, and CSV export and import with consent state. */
export {
  type AdminSubscriber,
  eachSubscriber,
  listSubscribersForAdmin,
  SUBSCRIBER_STATES,
  type SubscriberCounts,
  type SubscriberFilter,
  subscriberCounts,
} from './admin-queries.js';
export { csvLine } from './csv.js';
/** Dependencies of every newsletter service. */
export type { NewsletterDeps } from './deps.js';
/** A composed digest's per-subscriber links. */
export { fillDigestLinks } from './digest/index.js';
/** Stored address form, or InvalidEmailAddress for malformed and header-injecting input. */
export { normaliseEmailAddress } from './email-address.js';
/** Typed refusals the site maps to its pages. */
export {
  InvalidEmailAddress,
  InvalidSignup,
  type LinkRefusal,
  NewsletterLinkRefused,
  SignupRateLimited,
} from './errors.js';
/** Bounce and complaint webhooks, and the audit trail the admin lists. */
export {
  countNewsletterEvents,
  createNewsletterWebhooks,
  listNewsletterEvents,
  MAX_WEBHOOK_BODY_BYTES,
  NEWSLETTER_WEBHOOKS_PATH,
  type NewsletterEventFilter,
  type NewsletterEventRecord,
  type NewsletterWebhookDeps,
} from './events/index.js';
/** The public paths of the newsletter pages, shared by the site's routes and the emails. */
export { confirmPath, preferencesPath, signupPath, unsubscribePath } from './links.js';
/** SMTP (or outbox files when none is configured) for newsletter mail. */
export { createMailer, type Mailer, type OutgoingMail } from './mailer.js';
/** Preferences, one-click unsubscribe, data export and erasure, all behind signed links. */
export {
  checkUnsubscribeLink,
  deleteSubscriberData,
  exportSubscriberData,
  loadPreferences,
  type SubscriberPreferences,
  savePreferences,
  unsubscribe,
} from './manage.js';
/** The entry point: one object for the site, the admin and the background work (see Newsletter). */
export { createNewsletter, type Newsletter } from './newsletter.js';
/** A subscriber's topic: a section key or an entity slug. */
export type { Topic } from './queries.js';
/** Digests: planned per list and slot, delivered once per subscriber by claiming senders. */
export {
  type ComposeIssue,
  countDeliveries,
  type DeliveryCounts,
  EMPTY_COUNTS,
  findIssueById,
  fromHeader,
  type IssueRow,
  latestDueSlot,
  listIssues,
  newSenderId,
  planDepsOf,
  planDueRuns,
  planRun,
  type SendingDeps,
  type SendTally,
  sendPending,
  startNewsletterScheduler,
  withDigestComposer,
} from './sending/index.js';
/** Double opt-in signup and confirmation. */
export {
  CONFIRM_VALID_DAYS,
  checkConfirmation,
  confirmSubscription,
  manageLinks,
  pruneSignupAttempts,
  requestSubscription,
  type SignupOutcome,
  type SignupRequest,
} from './subscribe.js';
/** Stopping mail to an address, and the audit trail of bounces, complaints and SMTP failures. */
export { countSoftBounce, recordNewsletterEvent, suppressSubscriber } from './suppression.js';
/** The admin's digest test sends: one at a time per person, failures as one short line. */
export {
  type ComposedDigest,
  createTestSendLimiter,
  type DigestChoice,
  previewPeriod,
  sendErrorLine,
} from './test-send.js';
/** Signed, expiring link tokens. */
export { signToken, type TokenClaims, type TokenPurpose, verifyToken } from './tokens.js';
