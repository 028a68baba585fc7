import { type Migration, sql } from 'kysely';
import type { CreateWithId } from './migration-0002-newsroom.js';

/**
 * The source desk: followed feeds, the items they publish, and clusters of items that report the
 * same news. Feeds are claimed for a refresh with a conditional UPDATE on `locked_until`, so two
 * processes never fetch the same feed at once; a crashed process's claim lapses.
 */
export function deskMigration(withId: CreateWithId): Migration {
  return {
    async up(db) {
      await withId(db, 'followed_feeds')
        .addColumn('feed_url', 'text', (c) => c.notNull().unique())
        .addColumn('site_url', 'text')
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        // The name credited when a story cites an item of this feed.
        .addColumn('publisher', 'text', (c) => c.notNull().defaultTo(''))
        // JSON: the OPML folder path, e.g. ["AI","Labs"].
        .addColumn('folder', 'text', (c) => c.notNull().defaultTo('[]'))
        // 'active' feeds are refreshed on schedule; 'paused' and 'manual' (ingested files) are not.
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('refresh_minutes', 'integer', (c) => c.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('next_fetch_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_fetch_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('followed_feeds_state', sql`state in ('active', 'paused', 'manual')`)
        .execute();
      await db.schema
        .createIndex('followed_feeds_due')
        .on('followed_feeds')
        .columns(['state', 'next_fetch_at'])
        .execute();

      await withId(db, 'duplicate_clusters')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        // The newest item's time: the inbox is ordered by it.
        .addColumn('latest_at', 'text', (c) => c.notNull())
        .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('feed_count', 'integer', (c) => c.notNull().defaultTo(0))
        // JSON: the languages of its items, e.g. ["en","zh"].
        .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('earliest_item_id', 'integer')
        .addColumn('original_item_id', 'integer')
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('snoozed_until', 'text')
        .addColumn('story_id', 'integer', (c) => c.references('stories.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'duplicate_clusters_state',
          sql`state in ('open', 'ignored', 'snoozed', 'started')`,
        )
        .execute();
      await db.schema
        .createIndex('duplicate_clusters_latest')
        .on('duplicate_clusters')
        .column('latest_at')
        .execute();
      await db.schema
        .createIndex('duplicate_clusters_story')
        .on('duplicate_clusters')
        .column('story_id')
        .execute();

      await withId(db, 'feed_items')
        .addColumn('feed_id', 'integer', (c) =>
          c.notNull().references('followed_feeds.id').onDelete('cascade'),
        )
        // The item's identity within its feed: its guid, else its link, else a hash of its title.
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        // Sanitized HTML, links made absolute; never published as is.
        .addColumn('content_html', 'text', (c) => c.notNull().defaultTo(''))
        // JSON: string[].
        .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('published_at', 'text')
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('extract_state', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('extract_error', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('extracted_title', 'text')
        .addColumn('extracted_byline', 'text')
        .addColumn('extracted_text', 'text')
        // JSON: absolute links found in the article, for finding the source others cite.
        .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
        // Base64 of the MinHash signature.
        .addColumn('signature', 'text')
        .addColumn('cluster_id', 'integer', (c) => c.references('duplicate_clusters.id').onDelete('set null'))
        .addUniqueConstraint('feed_items_identity', ['feed_id', 'item_key'])
        .addCheckConstraint(
          'feed_items_extract_state',
          sql`extract_state in ('pending', 'done', 'failed', 'skipped')`,
        )
        .execute();
      await db.schema.createIndex('feed_items_cluster').on('feed_items').column('cluster_id').execute();
      await db.schema.createIndex('feed_items_seen').on('feed_items').column('first_seen_at').execute();

      // One row per LSH band of each item's signature: candidates for "same news" are found by SQL,
      // so every process clusters against the same state.
      await db.schema
        .createTable('feed_item_bands')
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('item_id', 'integer', (c) => c.notNull().references('feed_items.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('feed_item_bands_pk', ['band', 'item_id'])
        .execute();
      await db.schema.createIndex('feed_item_bands_item').on('feed_item_bands').column('item_id').execute();

      await db.schema
        .createTable('feed_item_entities')
        .addColumn('item_id', 'integer', (c) => c.notNull().references('feed_items.id').onDelete('cascade'))
        .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('feed_item_entities_pk', ['item_id', 'entity_id'])
        .execute();
      await db.schema
        .createIndex('feed_item_entities_entity')
        .on('feed_item_entities')
        .column('entity_id')
        .execute();
    },
  };
}
