import { type Migration, sql } from 'kysely';
import type { CreateWithId } from './migration-0002-newsroom.js';

/**
 * Newsletter subscribers with their consent trail, the topics each follows, and signup attempts
 * for rate limiting (keyed by HMACs of the address and the IP, never the raw values).
 */
export function newsletterMigration(withId: CreateWithId): Migration {
  return {
    async up(db) {
      await withId(db, 'subscribers')
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('frequency', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('confirm_nonce', 'text')
        .addColumn('consent_requested_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('confirm_ip_hash', 'text')
        .addColumn('confirm_user_agent', 'text')
        .addColumn('unsubscribed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('subscribers_frequency', sql`frequency in ('daily', 'weekly')`)
        .addCheckConstraint(
          'subscribers_state',
          sql`state in ('pending', 'active', 'unsubscribed', 'suppressed')`,
        )
        .execute();
      // Digests are composed per language for the active subscribers.
      await db.schema
        .createIndex('subscribers_state_locale')
        .on('subscribers')
        .columns(['state', 'locale'])
        .execute();

      await db.schema
        .createTable('subscriber_topics')
        .addColumn('subscriber_id', 'integer', (c) =>
          c.notNull().references('subscribers.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('topic_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('subscriber_topics_pk', ['subscriber_id', 'kind', 'topic_key'])
        .addCheckConstraint('subscriber_topics_kind', sql`kind in ('section', 'entity')`)
        .execute();
      await db.schema
        .createIndex('subscriber_topics_topic')
        .on('subscriber_topics')
        .columns(['kind', 'topic_key'])
        .execute();

      await withId(db, 'signup_attempts')
        .addColumn('address_hash', 'text', (c) => c.notNull())
        .addColumn('ip_hash', 'text', (c) => c.notNull())
        .addColumn('attempted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('signup_attempts_address')
        .on('signup_attempts')
        .columns(['address_hash', 'attempted_at'])
        .execute();
      await db.schema
        .createIndex('signup_attempts_ip')
        .on('signup_attempts')
        .columns(['ip_hash', 'attempted_at'])
        .execute();
    },
  };
}
