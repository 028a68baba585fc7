import { detectTextLanguage } from '../../publishing/index.js';
import { listEntities, suggestEntities } from '../../stories/index.js';
import { findItems, listPendingExtractionIds, saveItemExtraction } from '../store/index.js';
import { fullText } from './analyse.js';
import { refreshClusterSummary } from './clustering.js';
import type { DeskDeps } from './deps.js';

/**
 * Fetches the pages of items taken in with their full text deferred, and stores each article:
 * its text, a better language guess, more entities, and the links that tell which source the
 * others cite (so the cluster's summary is counted again).
 */
export async function extractPendingItems(
  deps: DeskDeps,
  options: { limit?: number; signal?: AbortSignal } = {},
): Promise<{ extracted: number; failed: number }> {
  const ids = await listPendingExtractionIds(deps.db, options.limit ?? 100);
  if (ids.length === 0) return { extracted: 0, failed: 0 };
  const entities = await listEntities(deps.db);
  const detector = await deps.loadLanguageDetector();
  let extracted = 0;
  let failed = 0;
  for (const item of await findItems(deps.db, ids)) {
    if (options.signal?.aborted) break;
    const page = await fullText(deps, item, options.signal);
    // Cut short by a stopping worker: the item stays pending for the next run, here or elsewhere.
    if (page.state === 'pending') break;
    const article = page.article;
    if (page.state === 'done') extracted += 1;
    else if (page.state === 'failed') failed += 1;
    const text = article?.text.slice(0, 20_000) ?? '';
    await saveItemExtraction(deps.db, item.id, {
      extractState: page.state,
      extractError: page.error,
      extractedTitle: article?.title ?? null,
      extractedByline: article?.byline ?? null,
      extractedText: article?.text ?? null,
      language:
        (article && detectTextLanguage(detector, `${item.title}\n${text}`.slice(0, 4000))) || item.language,
      links: [...new Set([...item.links, ...(article?.links ?? [])])],
      entityIds: article ? suggestEntities([text], entities, item.entityIds).map((s) => s.entityId) : [],
    });
    if (item.clusterId !== null) await refreshClusterSummary(deps, item.clusterId);
  }
  return { extracted, failed };
}
