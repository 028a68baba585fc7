import { inTransaction } from '../../platform/database/index.js';
import { decodeSignature, estimateSimilarity, pickCanonical } from '../cluster/index.js';
import {
  assignItemToCluster,
  type FeedItemRecord,
  findClusterCandidates,
  insertCluster,
  listClusterItems,
  lockCluster,
  mergeClusters,
  updateClusterSummary,
} from '../store/index.js';
import type { AnalysedItem } from './analyse.js';
import type { DeskDeps } from './deps.js';

const DAY_MS = 86_400_000;
const CLUSTER_SUMMARY_CHARS = 400;

/** How often a placement looks again for a cluster that vanished under it, before opening one. */
const PLACEMENT_LOOKS = 3;

/**
 * Puts a freshly analysed item into the cluster of the most similar recent item, or into a new
 * cluster of its own, and refreshes that cluster's summary. Returns the cluster and whether the
 * item joined an existing one.
 */
export async function clusterItem(
  deps: DeskDeps,
  item: FeedItemRecord,
  analysed: AnalysedItem,
): Promise<{ clusterId: number; joined: boolean }> {
  const now = deps.now();
  const since = new Date(now.getTime() - deps.settings.clusterWindowDays * DAY_MS);
  let best: Awaited<ReturnType<typeof mostSimilarCluster>>;
  let clusterId: number | undefined;
  // The cluster found may be merged into its twin by another worker before the item lands in it:
  // the row is locked first, and a cluster gone meanwhile means looking again.
  for (let look = 1; clusterId === undefined; look += 1) {
    best = look > PLACEMENT_LOOKS ? undefined : await mostSimilarCluster(deps, item, analysed, since);
    clusterId = await inTransaction(deps.db, async (trx) => {
      if (best && !(await lockCluster(trx, best.clusterId, now))) return undefined;
      const id =
        best?.clusterId ??
        (await insertCluster(
          trx,
          { title: item.title, summary: item.summary, seenAt: item.publishedAt ?? item.firstSeenAt },
          now,
        ));
      await assignItemToCluster(trx, item.id, id);
      return id;
    });
  }
  if (!best) {
    // Another worker may have clustered a copy of the same story at the same moment, each finding
    // nothing and opening a cluster of its own. Of the two, at least the later to look again sees
    // the other's item; both merge into the older cluster, so they end in one whatever the order.
    const twin = await mostSimilarCluster(deps, item, analysed, since, clusterId);
    if (twin) {
      const [keep, drop] =
        twin.clusterId < clusterId ? [twin.clusterId, clusterId] : [clusterId, twin.clusterId];
      await mergeClusters(deps.db, keep, drop, deps.now());
      clusterId = keep;
    }
  }
  await refreshClusterSummary(deps, clusterId);
  return { clusterId, joined: best !== undefined };
}

/** The cluster (other than `besides`) of the recent item most similar to this one, past the threshold. */
async function mostSimilarCluster(
  deps: DeskDeps,
  item: FeedItemRecord,
  analysed: AnalysedItem,
  since: Date,
  besides?: number,
): Promise<{ clusterId: number; similarity: number } | undefined> {
  const candidates = await findClusterCandidates(deps.db, analysed.bands, since, item.id);
  let best: { clusterId: number; similarity: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.clusterId === besides) continue;
    const similarity = estimateSimilarity(
      analysed.signatureValues,
      decodeSignature(Buffer.from(candidate.signature, 'base64')),
    );
    if (similarity >= deps.settings.clusterThreshold && (!best || similarity > best.similarity))
      best = { clusterId: candidate.clusterId, similarity };
  }
  return best;
}

/**
 * Recomputes what the inbox shows of a cluster from its items: counts, languages, the sources to
 * credit. Two workers may refresh one cluster at once (one after placing an item, the other after
 * merging a twin into it); the row is locked before its items are read, so the later refresh
 * reads what the earlier committed and a stale count never lands last.
 */
export async function refreshClusterSummary(deps: DeskDeps, clusterId: number): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    if (!(await lockCluster(trx, clusterId, deps.now()))) return;
    const items = await listClusterItems(trx, clusterId);
    if (items.length === 0) return;
    const canonical = pickCanonical(
      items.map((i) => ({
        id: i.id,
        publishedAt: i.publishedAt ?? i.firstSeenAt,
        url: i.url,
        links: i.links,
      })),
    );
    const lead = items.find((i) => i.id === canonical.originalId) ?? items[0];
    if (!lead) return;
    const times = items.map((i) => i.publishedAt ?? i.firstSeenAt).sort();
    const summary = (lead.summary || lead.extractedText || '').slice(0, CLUSTER_SUMMARY_CHARS);
    await updateClusterSummary(
      trx,
      clusterId,
      {
        title: lead.title,
        summary,
        firstSeenAt: times[0] ?? lead.firstSeenAt,
        latestAt: times[times.length - 1] ?? lead.firstSeenAt,
        itemCount: items.length,
        feedCount: new Set(items.map((i) => i.feedId)).size,
        languages: [...new Set(items.flatMap((i) => (i.language ? [i.language] : [])))].sort(),
        earliestItemId: canonical.earliestId,
        originalItemId: canonical.originalId,
      },
      deps.now(),
    );
  });
}
