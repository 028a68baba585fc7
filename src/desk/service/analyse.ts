import { detectTextLanguage } from '../../publishing/index.js';
import { type Entity, suggestEntities } from '../../stories/index.js';
import { encodeSignature, lshBands, minhashSignature, signatureText } from '../cluster/index.js';
import { htmlToText } from '../extract/index.js';
import { FetchAbortedError } from '../fetch/index.js';
import type { FeedItemRecord, ItemAnalysis } from '../store/index.js';
import type { DeskDeps } from './deps.js';

// Enough text to tell the language and the entities; a whole article adds little but time.
const ANALYSED_CHARS = 20_000;

export interface AnalysedItem extends ItemAnalysis {
  signatureValues: Uint32Array;
}

// The sanitizer writes every attribute double-quoted and absolute, so links read back plainly.
const HREF = /<a\s[^>]*?href="(https?:[^"]+)"/g;

function linksIn(html: string): string[] {
  return [...new Set([...html.matchAll(HREF)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&')))];
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fetches the item's page and extracts the article, when the desk is set to. A fetch cut short by
 * `signal` leaves the page 'pending', for whichever worker runs `extractPendingItems` next.
 */
export async function fullText(deps: DeskDeps, item: Pick<FeedItemRecord, 'url'>, signal?: AbortSignal) {
  if (!deps.settings.fullText || !item.url) return { state: 'skipped' as const, error: '', article: null };
  if (signal?.aborted) return { state: 'pending' as const, error: '', article: null };
  try {
    const page = await deps.fetchDocument(item.url, {}, signal ? { signal } : {});
    if (page.status !== 200) return { state: 'skipped' as const, error: '', article: null };
    const article = await deps.extractArticle(page.body, { url: page.url, contentType: page.contentType });
    if (!article) return { state: 'failed' as const, error: 'No article found on the page', article: null };
    return { state: 'done' as const, error: '', article };
  } catch (error) {
    if (error instanceof FetchAbortedError) return { state: 'pending' as const, error: '', article: null };
    return { state: 'failed' as const, error: describeError(error), article: null };
  }
}

/**
 * What the desk learns of a new item: its page's article, its language, the entities it names
 * (in any language, through names and aliases) and its duplicate signature.
 */
export async function analyseItem(
  deps: DeskDeps,
  item: FeedItemRecord,
  context: {
    entities: Entity[];
    feedLanguage: string | null;
    /** Leave the page for `extractPendingItems` (state 'pending'), so taking in a feed stays quick. */
    deferFullText?: boolean;
    /** Once aborted (the worker is stopping), the page is left 'pending' as if deferred. */
    signal?: AbortSignal;
  },
): Promise<AnalysedItem> {
  const deferred = context.deferFullText === true && deps.settings.fullText && item.url !== null;
  const page = deferred
    ? { state: 'pending' as const, error: '', article: null }
    : await fullText(deps, item, context.signal);
  const article = page.article;
  const feedText = htmlToText(item.contentHtml) || item.summary;
  const text = (article?.text || feedText).slice(0, ANALYSED_CHARS);
  const detector = await deps.loadLanguageDetector();
  const language =
    detectTextLanguage(detector, `${item.title}\n${text}`.slice(0, 4000)) ??
    context.feedLanguage?.toLowerCase().split(/[-_]/)[0] ??
    null;
  const entityIds = suggestEntities([item.title, text], context.entities).map((s) => s.entityId);
  const signatureValues = minhashSignature(signatureText({ title: item.title, text }));
  return {
    language,
    extractState: page.state,
    extractError: page.error,
    extractedTitle: article?.title ?? null,
    extractedByline: article?.byline ?? null,
    extractedText: article?.text ?? null,
    links: [...new Set([...(article?.links ?? []), ...linksIn(item.contentHtml)])],
    signature: Buffer.from(encodeSignature(signatureValues)).toString('base64'),
    bands: lshBands(signatureValues),
    entityIds,
    signatureValues,
  };
}
