import { type CreateTableBuilder, type Kysely, type Migration, sql } from 'kysely';

/** Starts a table with an auto-incrementing `id`, spelled the way the dialect wants. */
export type CreateWithId = (db: Kysely<unknown>, table: string) => CreateTableBuilder<string, 'id'>;

/**
 * The newsroom: accounts and sessions, the audit log, revisions, previews, API keys and webhooks.
 * Tables that act as work queues (scheduled publishing, webhook deliveries) are claimed with a
 * conditional UPDATE, which behaves the same on SQLite and PostgreSQL.
 */
export function newsroomMigration(withId: CreateWithId): Migration {
  return {
    async up(db) {
      await withId(db, 'users')
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('password_hash', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        // JSON: the locales a translator may edit; empty for other roles.
        .addColumn('locales', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('ui_locale', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .addCheckConstraint('users_role', sql`role in ('owner', 'editor', 'author', 'translator')`)
        .execute();

      await db.schema
        .createTable('sessions')
        // SHA-256 of the cookie's token: a leaked table does not let anyone in.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await withId(db, 'login_failures')
        // `account:<email>` or `address:<hmac>`; no raw address is kept.
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('failed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_failures_key')
        .on('login_failures')
        .columns(['key', 'failed_at'])
        .execute();

      // One-time links: the first owner's setup (no user yet), or setting a user's password.
      await db.schema
        .createTable('setup_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await withId(db, 'audit_log')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        // The actor's email at the time, kept when the account is gone.
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'integer')
        .addColumn('locale', 'text')
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

      await withId(db, 'story_revisions')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body_markdown', 'text', (c) => c.notNull())
        .addColumn('faq', 'text', (c) => c.notNull())
        .addColumn('hero_alt', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('story_revisions_unique', ['story_id', 'locale', 'revision'])
        .execute();

      await db.schema
        .alterTable('stories')
        .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();

      await db.schema
        .createTable('preview_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db, 'api_keys')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        // The first characters of the key, shown in the admin so keys can be told apart.
        .addColumn('token_prefix', 'text', (c) => c.notNull())
        // A staff token acts as this user, with this user's role.
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .addCheckConstraint('api_keys_kind', sql`kind in ('content', 'staff')`)
        .execute();

      await withId(db, 'webhooks')
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        // JSON: the events it receives, e.g. ["story.published"].
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db, 'webhook_deliveries')
        .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        // A worker that claims a delivery holds it until then; a crashed worker's claim lapses.
        .addColumn('locked_until', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addCheckConstraint('webhook_deliveries_status', sql`status in ('pending', 'delivered', 'failed')`)
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
    },
  };
}
