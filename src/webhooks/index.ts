// Webhooks: owners register endpoints; every content event queues one signed delivery per
// subscribed endpoint, and a worker sends them with retries. No HTTP routes here: the admin's
// pages and the composition root build on this surface.

/** The retry schedule (pure). */
export { JITTER_SHARE, MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
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
  WebhookInput,
  type WebhookTargets,
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
/** Why an attempt failed, as the delivery log shows it. */
export { DELIVERY_FAILURES, type DeliveryFailure } from './send.js';
/** The signature scheme (Standard Webhooks), for receivers and tests. */
export { isLegacySecret, signatureHeaders, verifySignature } from './signature.js';
/** The background sender. */
export {
  deliverDueWebhooks,
  startWebhookWorker,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './worker.js';
