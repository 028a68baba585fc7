import type { Kysely } from 'kysely';
import { appendChange } from '../../platform/change-log.js';
import type { Database } from '../../platform/database/index.js';

type Db = Kysely<Database>;

export async function findShareCount(db: Db, storyId: number): Promise<number> {
  const row = await db
    .selectFrom('share_counts')
    .select('count')
    .where('story_id', '=', storyId)
    .executeTakeFirst();
  return row?.count ?? 0;
}

export async function listShareCounts(db: Db, storyIds: number[]): Promise<Map<number, number>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db.selectFrom('share_counts').selectAll().where('story_id', 'in', storyIds).execute();
  return new Map(rows.map((r) => [r.story_id, r.count]));
}

export async function setShareCount(db: Db, storyId: number, count: number): Promise<void> {
  await db
    .insertInto('share_counts')
    .values({ story_id: storyId, count })
    .onConflict((oc) => oc.column('story_id').doUpdateSet({ count }))
    .execute();
}

/**
 * Counts one share unless this visitor already shared this story today. The visitor is a keyed
 * hash (never the raw address), so the table cannot be turned back into a list of IP addresses.
 * Returns the count after the call and whether this call was counted.
 */
export async function recordShare(
  db: Db,
  storyId: number,
  visitorHash: string,
  day: string,
): Promise<{ count: number; counted: boolean }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('share_visits')
      .values({ story_id: storyId, visitor_hash: visitorHash, day })
      .onConflict((oc) => oc.columns(['story_id', 'visitor_hash', 'day']).doNothing())
      .returning('story_id')
      .executeTakeFirst();
    if (inserted) {
      await trx
        .insertInto('share_counts')
        .values({ story_id: storyId, count: 1 })
        .onConflict((oc) =>
          oc.column('story_id').doUpdateSet((eb) => ({ count: eb('share_counts.count', '+', 1) })),
        )
        .execute();
      // Every process's pages show the count: each hears of the share through the change log.
      const change = { storyIds: [], sectionIds: [], entityIds: [], names: false, shares: [storyId] };
      await appendChange(trx, change, new Date());
    }
    return { count: await findShareCount(trx, storyId), counted: inserted !== undefined };
  });
}

/** Share visits older than `beforeDay` are only needed for de-duplication, which is per day. */
async function deleteShareVisitsBefore(db: Db, beforeDay: string): Promise<number> {
  const result = await db.deleteFrom('share_visits').where('day', '<', beforeDay).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** De-duplication is per UTC day, so visits of earlier days serve nothing and go. */
export function pruneShareVisits(db: Db, now: Date): Promise<number> {
  return deleteShareVisitsBefore(db, now.toISOString().slice(0, 10));
}
