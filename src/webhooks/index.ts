// Webhooks: owners register endpoints; every content event queues one signed delivery per
// subscribed endpoint, and a worker sends them with retries. No HTTP routes here: the admin's
// pages and the composition root build on this surface.

/** The retry schedule (pure). */
export { MAX_ATTEMPTS } from './backoff.js';
/** Queuing deliveries for a content event. */
export { enqueueWebhookDeliveries } from './enqueue.js';
/** Registering, changing and removing webhooks; the events they can subscribe to. */
export {
  ADDRESS_NOT_ALLOWED,
  createWebhook,
  findWebhookOrThrow,
  removeWebhook,
  rotateWebhookSecret,
  saveWebhook,
  WEBHOOK_EVENTS,
} from './manage.js';
/** Reads for the admin, and its "retry now". */
export { type Delivery, listDeliveries, listWebhooks, retryDeliveryNow, type Webhook } from './queries.js';
/** The signature scheme (Standard Webhooks), for receivers and tests. */
export { isLegacySecret, verifySignature } from './signature.js';
/** The background sender. */
export {
  deliverDueWebhooks,
  startWebhookWorker,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './worker.js';
