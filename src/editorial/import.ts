import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import {
  type ContentChange,
  countStories,
  type ExportDocument,
  ImportRefused,
  insertMedia,
  type StoryInput,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
} from '../stories/index.js';
import type { Outcome } from './outcome.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';
import { insertStories } from './writes/variants.js';

type Db = Kysely<Database>;

export interface ImportedStories extends Outcome {
  storyIds: number[];
  /** Every imported story's pages: a load into a running site drops them all. */
  change: ContentChange;
}

/**
 * Stores whole stories (every variant with its status) in one transaction: the import of content
 * written elsewhere (another site's export, the demo newsroom, a test's factories). It is not
 * checked by QA again: it passed QA where it was written, and `story:` links, slugs and rendering
 * are still checked and rebuilt here. Integrators hear of nothing (no events): it is a load.
 */
export async function importStories(
  db: Db,
  inputs: StoryInput[],
  options: WorkflowOptions,
): Promise<ImportedStories> {
  return runUseCase(db, async (trx) => {
    const { stories, change } = await insertStories(trx, inputs, options.now);
    return { storyIds: stories.map((s) => s.id), change, events: [] };
  });
}

/**
 * Loads an export document (parsed by stories' `parseExportDocument`) into an empty database:
 * settings, sections, entities, media and stories, all in one transaction, so a refused story
 * leaves nothing half loaded. HTML is always re-rendered from the Markdown.
 */
export async function importContent(
  db: Db,
  document: ExportDocument,
  options: WorkflowOptions,
): Promise<ImportedStories> {
  const { now } = options;
  return runUseCase(db, async (trx) => {
    if ((await countStories(trx)) > 0) {
      throw new ImportRefused('The database already holds stories; import into an empty database.');
    }
    await saveSiteSettings(trx, document.settings);
    for (const section of document.sections) await upsertSection(trx, section, now);
    for (const entity of document.entities) await upsertEntity(trx, entity, now);
    for (const media of document.media) await insertMedia(trx, media, now);
    const { stories, change } = await insertStories(trx, document.stories, now);
    return { storyIds: stories.map((s) => s.id), change, events: [] };
  });
}
