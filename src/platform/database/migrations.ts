import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './connect.js';
import { type CreateWithId, newsroomMigration } from './migration-0002-newsroom.js';
import { deskMigration } from './migration-0004-desk.js';
import { newsletterMigration } from './migration-0005-newsletter.js';
import { newsletterSendingMigration } from './migration-0006-newsletter-sending.js';
import { webhookLogMigration } from './migration-0007-webhook-log.js';
import { accountsHardeningMigration } from './migration-0008-accounts.js';
import { listingOrderMigration } from './migration-0009-listing-order.js';
import { changeLogMigration } from './migration-0010-change-log.js';
import { sharedLimitsMigration } from './migration-0011-shared-limits.js';
import { storyAutosavesMigration } from './migration-0012-story-autosaves.js';
import { mediaTextsMigration } from './migration-0013-media-texts.js';
import { peopleMigration } from './migration-0014-people.js';
import { reviewMigration } from './migration-0015-review.js';
import { entityProposalsMigration } from './migration-0016-entity-proposals.js';

// Migrations are code, so the same list runs on SQLite and PostgreSQL. The only dialect
// difference is how an auto-incrementing key is spelled, kept in `withId`.
function createMigrations(dialect: Dialect): Record<string, Migration> {
  const withId: CreateWithId = (db, table) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  return {
    '0001_publishing_core': {
      async up(db) {
        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();

        await withId(db, 'sections')
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('section_translations')
          .addColumn('section_id', 'integer', (c) =>
            c.notNull().references('sections.id').onDelete('cascade'),
          )
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('slug', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
          .addPrimaryKeyConstraint('section_translations_pk', ['section_id', 'locale'])
          .addUniqueConstraint('section_translations_slug', ['locale', 'slug'])
          .execute();

        await withId(db, 'media')
          .addColumn('file_name', 'text', (c) => c.notNull().unique())
          .addColumn('mime_type', 'text', (c) => c.notNull())
          .addColumn('width', 'integer', (c) => c.notNull())
          .addColumn('height', 'integer', (c) => c.notNull())
          .addColumn('renditions', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();

        await withId(db, 'stories')
          .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
          .addColumn('source_locale', 'text', (c) => c.notNull())
          .addColumn('hero_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('stories_section').on('stories').column('section_id').execute();

        await withId(db, 'story_variants')
          .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('slug', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('body_markdown', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('reading_minutes', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('faq', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('faq_html', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('hero_alt', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
          .addColumn('publish_at', 'text')
          .addColumn('published_at', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('translated_from_revision', 'integer')
          .addUniqueConstraint('story_variants_story_locale', ['story_id', 'locale'])
          .addUniqueConstraint('story_variants_locale_slug', ['locale', 'slug'])
          .addCheckConstraint(
            'story_variants_status',
            sql`status in ('draft', 'scheduled', 'published', 'unpublished')`,
          )
          .execute();
        await db.schema
          .createIndex('story_variants_listing')
          .on('story_variants')
          .columns(['locale', 'status', 'published_at'])
          .execute();

        await withId(db, 'entities')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('entity_translations')
          .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
          .addPrimaryKeyConstraint('entity_translations_pk', ['entity_id', 'locale'])
          .execute();
        await db.schema
          .createTable('story_entities')
          .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
          .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('story_entities_pk', ['story_id', 'entity_id'])
          .execute();
        await db.schema
          .createIndex('story_entities_entity')
          .on('story_entities')
          .column('entity_id')
          .execute();

        await withId(db, 'sources')
          .addColumn('url', 'text', (c) => c.notNull().unique())
          .addColumn('publisher', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('published_at', 'text')
          .execute();
        await db.schema
          .createTable('story_sources')
          .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
          .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('story_sources_pk', ['story_id', 'source_id'])
          .execute();

        await db.schema
          .createTable('redirects')
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('slug', 'text', (c) => c.notNull())
          .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('redirects_pk', ['locale', 'slug'])
          .execute();

        await db.schema
          .createTable('share_counts')
          .addColumn('story_id', 'integer', (c) =>
            c.primaryKey().references('stories.id').onDelete('cascade'),
          )
          .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createTable('share_visits')
          .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
          .addColumn('visitor_hash', 'text', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('share_visits_pk', ['story_id', 'visitor_hash', 'day'])
          .execute();
      },
    },
    '0002_related_stories_index': {
      // Related stories walk each entity's stories newest first.
      async up(db) {
        await db.schema
          .createIndex('story_entities_entity_story')
          .on('story_entities')
          .columns(['entity_id', 'story_id'])
          .execute();
        await db.schema.dropIndex('story_entities_entity').execute();
      },
    },
    '0003_newsroom': newsroomMigration(withId),
    '0004_desk': deskMigration(withId),
    '0005_newsletter': newsletterMigration(withId),
    '0006_newsletter_sending': newsletterSendingMigration(withId),
    '0007_webhook_delivery_log': webhookLogMigration,
    '0008_accounts_hardening': accountsHardeningMigration(),
    '0009_listing_order': listingOrderMigration(),
    '0010_change_log': changeLogMigration(withId),
    '0011_shared_limits': sharedLimitsMigration(),
    '0012_story_autosaves': storyAutosavesMigration(withId),
    '0013_media_texts': mediaTextsMigration(),
    '0014_people': peopleMigration(),
    '0015_review': reviewMigration(withId),
    '0016_entity_proposals': entityProposalsMigration(),
  };
}

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return createMigrations(this.dialect);
  }
}

async function migratorFor(db: Kysely<unknown>, dialect: Dialect): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every PostgreSQL schema unless told which one, so
  // a database holding several schemas (one per test, one per tenant) would find another's tables.
  const migrationTableSchema =
    dialect === 'postgres'
      ? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name
      : undefined;
  return new Migrator({
    db,
    provider: new InCodeMigrations(dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

// invalid_schema_name; undefined_table and internal_error ("cache lookup failed for relation")
// when a table of that schema vanishes under the catalog read.
const DROPPED_WHILE_READ = new Set(['3F000', '42P01', 'XX000']);

/**
 * Kysely's introspection, which the migrator runs first, reads every schema's tables; a schema
 * another session drops at that moment fails the read although ours is intact.
 * Such a read is simply repeated.
 */
async function despiteDroppedSchemas<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (!DROPPED_WHILE_READ.has(String(code)) || attempt >= 5) throw error;
    }
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  const results = await despiteDroppedSchemas(async () => {
    const outcome = await (await migratorFor(db, dialect)).migrateToLatest();
    if (outcome.error) throw outcome.error;
    return outcome.results ?? [];
  });
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this code knows that the database has not run yet (readiness: none). */
export async function pendingMigrations(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  const migrations = await despiteDroppedSchemas(async () =>
    (await migratorFor(db, dialect)).getMigrations(),
  );
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
