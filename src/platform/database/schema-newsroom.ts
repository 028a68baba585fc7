import type { Generated } from 'kysely';

// Tables of migration 0002 (the newsroom). Timestamps are ISO 8601 UTC strings, JSON is text.

export type UserRole = 'owner' | 'editor' | 'author' | 'translator';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  /** argon2id; null until the person sets a password through a setup or reset link. */
  password_hash: string | null;
  role: UserRole;
  /** JSON: locales a translator may edit. */
  locales: string;
  ui_locale: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  /** The author page's address segment (migration 0014); null until chosen. */
  profile_slug: Generated<string | null>;
  avatar_media_id: Generated<number | null>;
  /** 1 when the person appears on the site (author page, linked byline). */
  profile_public: Generated<number>;
  /** 1 once the person picked `ui_locale`; until then the admin follows their browser. */
  ui_locale_chosen: Generated<number>;
}

/** A person's public bio in one language (migration 0014). */
export interface UserProfilesTable {
  user_id: number;
  locale: string;
  bio: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
}

/** One row per throttled key (migration 0007); see accounts/throttle.ts. */
export interface SignInThrottlesTable {
  key: string;
  failures: number;
  revision: number;
  next_attempt_at: string;
  updated_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  /** null: the link that creates the first owner; otherwise it sets this user's password. */
  user_id: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  actor: string;
  action: string;
  subject_kind: string;
  subject_id: number | null;
  locale: string | null;
  summary: string;
  /** JSON object. */
  details: string;
}

/** A person's unsaved text of one variant, overwritten by each autosave (migration 0012). */
export interface StoryAutosavesTable {
  id: Generated<number>;
  story_id: number;
  locale: string;
  user_id: number;
  base_revision: number | null;
  title: string;
  summary: string;
  body_markdown: string;
  /** JSON: `{ question, answer }[]`, rows as typed (blank ones too). */
  faq: string;
  hero_alt: string;
  saved_at: string;
}

export interface StoryRevisionsTable {
  id: Generated<number>;
  story_id: number;
  locale: string;
  revision: number;
  title: string;
  slug: string;
  summary: string;
  body_markdown: string;
  /** JSON: `{ question, answer }[]`. */
  faq: string;
  hero_alt: string;
  saved_by: number | null;
  saved_at: string;
}

export interface PreviewTokensTable {
  token_hash: string;
  story_id: number;
  locale: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
}

export type ApiKeyKind = 'content' | 'staff';

export interface ApiKeysTable {
  id: Generated<number>;
  kind: ApiKeyKind;
  name: string;
  token_hash: string;
  token_prefix: string;
  user_id: number | null;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  secret: string;
  /** JSON: string[] of event names. */
  events: string;
  /** 1 or 0 (SQLite has no boolean). */
  active: number;
  created_at: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  /** The JSON body sent, byte for byte what was signed. */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_status: number | null;
  /** The class of the last failure (DeliveryFailure in src/webhooks), never the receiver's words. */
  last_error: string;
  /** How long the last attempt took; null when nothing was sent. */
  last_duration_ms: Generated<number | null>;
  created_at: string;
  delivered_at: string | null;
}

export interface NewsroomTables {
  users: UsersTable;
  user_profiles: UserProfilesTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
  story_revisions: StoryRevisionsTable;
  story_autosaves: StoryAutosavesTable;
  preview_tokens: PreviewTokensTable;
  api_keys: ApiKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
