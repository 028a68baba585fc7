import { type Actor, can } from '../../accounts/index.js';
import {
  type Cluster,
  type ClusterSource,
  type FeedItemRecord,
  type FollowedFeed,
  findCluster,
  findClusterOfStory,
  listClusterItems,
} from '../../desk/index.js';
import { DomainError } from '../../platform/errors.js';
import { displayLanguageName, type Translator } from '../../platform/i18n.js';
import { htmlLangTag } from '../../publishing/index.js';
import type { Entity } from '../../stories/index.js';
import { adminTimeLabel } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { ClusterCardView, ItemView, SourceLineView, TimeView } from '../views/desk-cluster-card.js';
import type { SourceRowView } from '../views/sources-page.js';
import type { SourceMaterialView } from '../views/story-editor-aside.js';
import { entityLabel } from './story-editor-data.js';

// The desk's records turned into the plain data its views show: times as labels on the newsroom's
// clocks (`zone`, a site setting), languages by name, links only where they are safe to follow.
// The route gathers, these shape, the view renders.

export async function findClusterOrThrow(deps: NewsroomDeps, id: number): Promise<Cluster> {
  const cluster = await findCluster(deps.db, id);
  if (!cluster) throw new DomainError('not-found', `No cluster #${id} on the desk.`);
  return cluster;
}

export function timeView(iso: string | null, zone: string): TimeView | undefined {
  return iso ? { iso, label: adminTimeLabel(iso, zone) } : undefined;
}

/** An address from a feed as a link target, or undefined: only http(s) is ever a link. */
export function safeHref(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function languageOf(t: Translator, language: string | null) {
  return language
    ? { languageLabel: displayLanguageName(language, t.locale), lang: htmlLangTag(language) }
    : { languageLabel: '', lang: undefined };
}

export function sourceRow(feed: FollowedFeed, zone: string): SourceRowView {
  const base = `/admin/sources/${feed.id}`;
  return {
    id: feed.id,
    title: feed.title || feed.feedUrl,
    publisher: feed.publisher && feed.publisher !== feed.title ? feed.publisher : '',
    feedUrl: feed.feedUrl,
    feedHref: safeHref(feed.feedUrl),
    siteHref: safeHref(feed.siteUrl),
    folder: feed.folder.join(' / '),
    state: feed.state,
    lastFetch: timeView(feed.lastFetchAt, zone),
    lastSuccess: timeView(feed.lastSuccessAt, zone),
    nextFetch: feed.state === 'active' ? timeView(feed.nextFetchAt, zone) : undefined,
    lastError: feed.lastError,
    lastStatus: feed.lastStatus,
    failures: feed.consecutiveFailures,
    items: feed.itemCount,
    refreshAction: feed.state === 'manual' ? undefined : `${base}/refresh`,
    pauseAction:
      feed.state === 'manual' ? undefined : `${base}/${feed.state === 'paused' ? 'resume' : 'pause'}`,
    deleteAction: `${base}/delete`,
  };
}

/** Which source came first and which the others follow; said only when there are several. */
function marksOf(cluster: Cluster, itemId: number): { earliest: boolean; original: boolean } {
  const several = cluster.sources.length > 1;
  return {
    earliest: several && cluster.earliestItemId === itemId,
    original: several && cluster.originalItemId === itemId,
  };
}

function sourceLine(t: Translator, cluster: Cluster, source: ClusterSource, zone: string): SourceLineView {
  const language = languageOf(t, source.language);
  return {
    itemId: source.itemId,
    publisher: source.publisher,
    title: source.title,
    href: safeHref(source.url),
    ...language,
    published: timeView(source.publishedAt, zone),
    ...marksOf(cluster, source.itemId),
  };
}

/** The language the cluster's sources mostly write in (its lead source's when tied). */
export function mainLanguage(cluster: Cluster): string | undefined {
  const counts = new Map<string, number>();
  for (const s of cluster.sources) if (s.language) counts.set(s.language, (counts.get(s.language) ?? 0) + 1);
  const lead = cluster.sources.find((s) => s.itemId === cluster.originalItemId)?.language ?? undefined;
  let best = lead;
  for (const [language, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = language;
  return best;
}

export function clusterCard(t: Translator, cluster: Cluster, zone: string): ClusterCardView {
  const language = mainLanguage(cluster);
  return {
    id: cluster.id,
    href: `/admin/desk/${cluster.id}`,
    title: cluster.title,
    summary: cluster.summary,
    lang: language ? htmlLangTag(language) : undefined,
    state: cluster.state,
    snoozedUntil: cluster.state === 'snoozed' ? timeView(cluster.snoozedUntil, zone) : undefined,
    storyHref:
      cluster.state === 'started' && cluster.storyId ? `/admin/stories/${cluster.storyId}` : undefined,
    languages: cluster.languages.map((l) => displayLanguageName(l, t.locale)),
    itemCount: cluster.itemCount,
    feedCount: cluster.feedCount,
    latest: timeView(cluster.latestAt, zone),
    sources: cluster.sources.map((s) => sourceLine(t, cluster, s, zone)),
  };
}

/** The entities of an item (or a cluster) by name in the UI language, in the order given. */
export function entityNames(ids: number[], entities: Entity[], uiLocale: string): string[] {
  return ids.flatMap((id) => {
    const entity = entities.find((e) => e.id === id);
    return entity ? [entityLabel(entity, uiLocale)] : [];
  });
}

export function itemView(
  t: Translator,
  item: FeedItemRecord,
  context: { cluster: Cluster | undefined; publisher: string; entities: Entity[]; zone: string },
): ItemView {
  const { cluster } = context;
  return {
    id: item.id,
    publisher: context.publisher,
    title: item.title,
    href: safeHref(item.url),
    ...languageOf(t, item.language),
    published: timeView(item.publishedAt ?? item.firstSeenAt, context.zone),
    byline: item.extractedByline || item.author,
    // The page's article text when the desk fetched it; else what the feed itself said.
    text: item.extractedText || item.summary,
    textKind: item.extractedText ? 'page' : item.summary ? 'feed' : 'none',
    extractState: item.extractState,
    entities: entityNames(item.entityIds, context.entities, t.locale),
    ...(cluster ? marksOf(cluster, item.id) : { earliest: false, original: false }),
  };
}

/**
 * The cluster a story was started from, as reference beside the editor: its items with their
 * text. Nothing for people who may not see the desk (translators), or a story not from the desk.
 */
export async function loadSourceMaterial(
  deps: NewsroomDeps,
  actor: Actor,
  storyId: number,
  context: { t: Translator; entities: Entity[]; zone: string },
): Promise<SourceMaterialView | undefined> {
  if (!can(actor, { action: 'desk.view' })) return undefined;
  const cluster = await findClusterOfStory(deps.db, storyId);
  if (!cluster) return undefined;
  const items = await listClusterItems(deps.db, cluster.id);
  const publishers = new Map(cluster.sources.map((s) => [s.itemId, s.publisher]));
  return {
    clusterHref: `/admin/desk/${cluster.id}`,
    items: items.map((item) =>
      itemView(context.t, item, {
        cluster,
        publisher: publishers.get(item.id) ?? '',
        entities: context.entities,
        zone: context.zone,
      }),
    ),
  };
}
