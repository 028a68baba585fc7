import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { type BlockChange, blockChanges, splitBlocks } from '../publishing/index.js';
import type { Story } from '../stories/index.js';
import { sourceVariantOf, variantOf } from './access.js';
import { findRevision } from './queries.js';

/**
 * What happened to each block of the source body since the revision the translation in `locale`
 * was made from: undefined when the translation is current, missing, or its revision was never
 * kept (content imported before revisions were), so there is nothing to compare with.
 */
export async function sourceChangesSinceTranslation(
  db: Kysely<Database>,
  story: Story,
  locale: string,
): Promise<BlockChange[] | undefined> {
  const source = sourceVariantOf(story);
  const from = variantOf(story, locale)?.translatedFromRevision ?? null;
  if (!source || locale === story.sourceLocale || from === null || from >= source.revision) return undefined;
  const then = await findRevision(db, story.id, story.sourceLocale, from);
  if (!then) return undefined;
  return blockChanges(splitBlocks(then.body), splitBlocks(source.bodyMarkdown));
}
