import { type Migration, sql } from 'kysely';
import type { CreateWithId } from './migration-0002-newsroom.js';

/**
 * Digests and their deliveries. Each (issue, subscriber) pair is one delivery row, created once
 * (unique) and claimed in batches by senders with a lease, so a sender that dies mid-batch leaves
 * rows another sender takes over. Bounce and complaint events are kept as an audit trail, and
 * subscribers gain a soft-bounce count and the reason they were suppressed.
 */
export function newsletterSendingMigration(withId: CreateWithId): Migration {
  return {
    async up(db) {
      await db.schema
        .alterTable('subscribers')
        .addColumn('soft_bounces', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('subscribers').addColumn('suppressed_at', 'text').execute();
      await db.schema.alterTable('subscribers').addColumn('suppression_reason', 'text').execute();

      await withId(db, 'newsletter_issues')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('frequency', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('topic_key', 'text', (c) => c.notNull())
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('story_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addUniqueConstraint('newsletter_issues_list_slot', ['frequency', 'locale', 'topic_key', 'slot'])
        .addCheckConstraint('newsletter_issues_kind', sql`kind in ('scheduled', 'manual')`)
        .addCheckConstraint('newsletter_issues_frequency', sql`frequency in ('daily', 'weekly')`)
        .addCheckConstraint('newsletter_issues_state', sql`state in ('sending', 'sent', 'empty')`)
        .execute();
      await db.schema
        .createIndex('newsletter_issues_state')
        .on('newsletter_issues')
        .columns(['state', 'created_at'])
        .execute();

      // A run is one slot of one locale's daily or weekly schedule. Planning (composing the issues
      // and creating their deliveries) is idempotent, and `planned_at` says it finished, so a
      // planner that dies half-way is simply run again.
      await db.schema
        .createTable('newsletter_runs')
        .addColumn('frequency', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('planned_at', 'text')
        .addPrimaryKeyConstraint('newsletter_runs_pk', ['frequency', 'locale', 'slot'])
        .execute();

      await withId(db, 'newsletter_deliveries')
        .addColumn('issue_id', 'integer', (c) =>
          c.notNull().references('newsletter_issues.id').onDelete('cascade'),
        )
        .addColumn('subscriber_id', 'integer', (c) =>
          c.notNull().references('subscribers.id').onDelete('cascade'),
        )
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull().unique())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claim_expires_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('newsletter_deliveries_issue_subscriber', ['issue_id', 'subscriber_id'])
        .addCheckConstraint(
          'newsletter_deliveries_state',
          sql`state in ('pending', 'sending', 'sent', 'failed', 'suppressed')`,
        )
        .execute();
      // Senders look for due rows; the admin counts rows per issue and state.
      await db.schema
        .createIndex('newsletter_deliveries_due')
        .on('newsletter_deliveries')
        .columns(['state', 'next_attempt_at', 'id'])
        .execute();
      await db.schema
        .createIndex('newsletter_deliveries_issue_state')
        .on('newsletter_deliveries')
        .columns(['issue_id', 'state'])
        .execute();
      await db.schema
        .createIndex('newsletter_deliveries_subscriber')
        .on('newsletter_deliveries')
        .column('subscriber_id')
        .execute();

      await withId(db, 'newsletter_events')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('provider_event_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('subscriber_id', 'integer', (c) => c.references('subscribers.id').onDelete('set null'))
        .addColumn('delivery_id', 'integer', (c) =>
          c.references('newsletter_deliveries.id').onDelete('set null'),
        )
        .addColumn('message_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        // A provider that retries a webhook delivers the same event twice; it is recorded once.
        .addUniqueConstraint('newsletter_events_provider_event', ['provider', 'provider_event_id'])
        .addCheckConstraint(
          'newsletter_events_kind',
          sql`kind in ('hard_bounce', 'soft_bounce', 'complaint', 'smtp_permanent', 'smtp_temporary')`,
        )
        .addCheckConstraint(
          'newsletter_events_action',
          sql`action in ('suppressed', 'counted', 'retried', 'failed', 'unknown_address', 'already_suppressed')`,
        )
        .execute();
      await db.schema
        .createIndex('newsletter_events_received')
        .on('newsletter_events')
        .column('received_at')
        .execute();
      await db.schema
        .createIndex('newsletter_events_email')
        .on('newsletter_events')
        .column('email')
        .execute();
    },
  };
}
