import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { type ContentEvent, findStory, listSections } from '../stories/index.js';
import { webhookPayload } from './payload.js';
import { insertDeliveries, listSubscribedWebhooks } from './queries.js';

/**
 * Queues one delivery per active webhook subscribed to the event, due at once; the worker sends
 * them. The body is fixed here, so every attempt signs and sends the same bytes. Returns how
 * many were queued.
 */
export async function enqueueWebhookDeliveries(
  deps: { db: Kysely<Database>; siteUrl: string; now: () => Date },
  event: ContentEvent,
): Promise<number> {
  const webhooks = await listSubscribedWebhooks(deps.db, event.type);
  if (webhooks.length === 0) return 0;
  const [story, sections] = await Promise.all([findStory(deps.db, event.storyId), listSections(deps.db)]);
  const payload = JSON.stringify(webhookPayload(event, story, sections, deps.siteUrl));
  const createdAt = deps.now().toISOString();
  await insertDeliveries(
    deps.db,
    webhooks.map((webhook) => ({ webhookId: webhook.id, event: event.type, payload, createdAt })),
  );
  return webhooks.length;
}
