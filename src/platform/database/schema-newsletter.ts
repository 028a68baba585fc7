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

export interface NewsletterTables {
  subscribers: SubscribersTable;
  subscriber_topics: SubscriberTopicsTable;
  signup_attempts: SignupAttemptsTable;
}
