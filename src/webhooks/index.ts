// Webhooks: owners register endpoints; every content event queues one signed delivery per
// subscribed endpoint, and a worker sends them with retries. No HTTP routes here: the admin's
// pages and the composition root build on this surface.

/** The retry schedule (pure). */
export { JITTER_SHARE, MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
/** Queuing deliveries for a content event. */
export { enqueueWebhookDeliveries } from './enqueue.js';
/** Registering, changing and removing webhooks; the events they can subscribe to. */
export {
  createWebhook,
  findWebhookOrThrow,
  removeWebhook,
  rotateWebhookSecret,
  saveWebhook,
  WEBHOOK_EVENTS,
  WebhookInput,
} from './manage.js';
/** The body every delivery carries. */
export { type WebhookPayload, webhookPayload } from './payload.js';
/** Reads for the admin, and its "retry now". */
export {
  type Delivery,
  listDeliveries,
  listWebhooks,
  retryDeliveryNow,
  type Webhook,
  type WebhookListing,
} from './queries.js';
/** The signature scheme, for receivers and tests. */
export { signatureHeader, verifySignature } from './signature.js';
/** The background sender. */
export {
  deliverDueWebhooks,
  startWebhookWorker,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './worker.js';
