import type { Generated } from 'kysely';

export type SubscriberState = 'pending' | 'active' | 'unsubscribed' | 'suppressed';
export type DigestFrequency = 'daily' | 'weekly';
export type TopicKind = 'section' | 'entity';

export interface SubscribersTable {
  id: Generated<number>;
  /** Normalised to lower case; unique. */
  email: string;
  locale: string;
  frequency: DigestFrequency;
  state: SubscriberState;
  /**
   * Random value carried by the current confirmation link; cleared when the link is used, so a
   * replayed link is refused. A new signup of a pending address replaces it.
   */
  confirm_nonce: string | null;
  /** When the confirmation email was last requested (consent asked). */
  consent_requested_at: string;
  /** When the subscriber confirmed (consent given); null while pending. */
  confirmed_at: string | null;
  /** HMAC of the address that confirmed: proof of consent without keeping the address. */
  confirm_ip_hash: string | null;
  confirm_user_agent: string | null;
  unsubscribed_at: string | null;
  /** Soft bounces since the last successful delivery; at the configured limit, the address is suppressed. */
  soft_bounces: Generated<number>;
  suppressed_at: string | null;
  /** Why mail stopped: `hard_bounce`, `complaint`, `soft_bounces`, `smtp_permanent` or `admin`. */
  suppression_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubscriberTopicsTable {
  subscriber_id: number;
  kind: TopicKind;
  /** A section's key or an entity's slug: stable across renames and locales. */
  topic_key: string;
}

export interface SignupAttemptsTable {
  id: Generated<number>;
  /** HMAC of the normalised email address. */
  address_hash: string;
  /** HMAC of the client's IP address: never the address itself. */
  ip_hash: string;
  attempted_at: string;
}

export type IssueKind = 'scheduled' | 'manual';
export type IssueState = 'sending' | 'sent' | 'empty';
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';
export type NewsletterEventKind =
  | 'hard_bounce'
  | 'soft_bounce'
  | 'complaint'
  | 'smtp_permanent'
  | 'smtp_temporary';
export type NewsletterEventAction =
  | 'suppressed'
  | 'counted'
  | 'retried'
  | 'failed'
  | 'unknown_address'
  | 'already_suppressed';

/**
 * One digest for one list: a locale, a frequency and a topic set, over one period. The HTML and
 * text carry placeholders for the per-subscriber links, filled in for each delivery.
 */
export interface NewsletterIssuesTable {
  id: Generated<number>;
  kind: IssueKind;
  frequency: DigestFrequency;
  locale: string;
  /** Sorted `section:key` / `entity:slug` list joined by `,`; empty for subscribers with no topics. */
  topic_key: string;
  /** The schedule slot (`2026-12-01` daily, `2026-W49` weekly) or a unique tag for manual sends. */
  slot: string;
  /** Stories first published at or after this instant and before `period_end` are in the issue. */
  period_start: string;
  period_end: string;
  subject: string;
  html: string;
  text: string;
  /** JSON array of story ids, newest first. */
  story_ids: string;
  /** `empty` records a slot with nothing new, so the next digest starts from its end. */
  state: IssueState;
  created_at: string;
  completed_at: string | null;
}

/** One slot of one locale's schedule; `planned_at` is set once all its deliveries exist. */
export interface NewsletterRunsTable {
  frequency: DigestFrequency;
  locale: string;
  slot: string;
  kind: IssueKind;
  due_at: string;
  planned_at: string | null;
}

/** One message to one subscriber; a sender owns it while `claimed_by` and `claim_expires_at` say so. */
export interface NewsletterDeliveriesTable {
  id: Generated<number>;
  issue_id: number;
  subscriber_id: number;
  state: DeliveryState;
  /** With angle brackets; the same on every attempt, so a resend is recognisably the same message. */
  message_id: string;
  attempts: Generated<number>;
  /** A pending row is not picked before this instant (retry backoff, domain pacing). */
  next_attempt_at: string;
  claimed_by: string | null;
  claim_expires_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  updated_at: string;
}

/** A bounce, complaint or SMTP failure, as received or seen, with what was done about it. */
export interface NewsletterEventsTable {
  id: Generated<number>;
  /** `smtp` for failures the sender saw; `velocity`, `mailgun`, `sendgrid`, `postmark` for webhooks. */
  provider: string;
  /** The provider's own id of the event, so a retried webhook is recorded once. */
  provider_event_id: string | null;
  kind: NewsletterEventKind;
  email: string;
  subscriber_id: number | null;
  delivery_id: number | null;
  message_id: string | null;
  detail: string;
  action: NewsletterEventAction;
  occurred_at: string;
  received_at: string;
}

export interface NewsletterTables {
  subscribers: SubscribersTable;
  subscriber_topics: SubscriberTopicsTable;
  signup_attempts: SignupAttemptsTable;
  newsletter_runs: NewsletterRunsTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  newsletter_events: NewsletterEventsTable;
}
