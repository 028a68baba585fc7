import type { Migration } from 'kysely';

/**
 * Authors may name an entity the newsroom does not know yet while writing: it is stored as a
 * proposal (`status = 'proposed'`, who and when) and stays off the public site until an editor
 * approves it. Expand-only: every existing row is `approved` by the column's default, so a
 * release that does not know the column keeps reading and writing approved entities.
 * The other indexes keep each panel of the newsroom's home page a short index read however large
 * the archive grows: proposals oldest first, drafts and changed sources by last change, recent desk items per cluster,
 * most-shared stories.
 */
export function entityProposalsMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .alterTable('entities')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('approved'))
        .execute();
      await db.schema
        .alterTable('entities')
        .addColumn('proposed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.alterTable('entities').addColumn('proposed_at', 'text').execute();
      await db.schema
        .createIndex('entities_status_proposed')
        .on('entities')
        .columns(['status', 'proposed_at', 'id'])
        .execute();
      await db.schema
        .createIndex('story_variants_status_updated')
        .on('story_variants')
        .columns(['status', 'updated_at', 'id'])
        .execute();
      await db.schema
        .createIndex('story_variants_updated')
        .on('story_variants')
        .columns(['updated_at', 'id'])
        .execute();
      await db.schema
        .createIndex('feed_items_seen_cluster')
        .on('feed_items')
        .columns(['first_seen_at', 'cluster_id'])
        .execute();
      await db.schema
        .createIndex('share_counts_count')
        .on('share_counts')
        .columns(['count', 'story_id'])
        .execute();
    },
  };
}
