import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import { literalHostRange } from '../platform/outbound/index.js';
import type { ContentEventType } from '../stories/index.js';
import { deleteWebhook, findWebhook, insertWebhook, updateWebhook, type Webhook } from './queries.js';
import { newWebhookSecret } from './signature.js';

type Db = Kysely<Database>;

/** The events a webhook can subscribe to: every ContentEvent type. */
export const WEBHOOK_EVENTS = [
  'story.published',
  'story.updated',
  'story.unpublished',
] as const satisfies readonly ContentEventType[];

/** A webhook's settings as an owner gives them: where to send, what, and whether to send at all. */
export const WebhookInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/ }))
    .describe('http:// or https:// address that receives the POSTs.'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).describe('Events to receive.'),
  active: z.boolean().default(true),
});
export type WebhookInput = z.input<typeof WebhookInput>;

/** Where webhooks may go: `host` or `host:port` entries exempt from the address guard. */
export interface WebhookTargets {
  allowHosts: readonly string[];
}

/** The `details.reason` of the error a refused address raises, for forms to say so. */
export const ADDRESS_NOT_ALLOWED = 'address-not-allowed';

function parseInput(input: WebhookInput, targets: WebhookTargets) {
  const parsed = WebhookInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('invalid', issue?.message ?? 'Invalid webhook.', {
      field: String(issue?.path[0] ?? 'url'),
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  // What the URL alone shows is refused now; a name is resolved (and checked) at every delivery,
  // since its addresses may change after saving.
  const literal = literalHostRange(new URL(parsed.data.url), targets.allowHosts);
  if (literal && !literal.public) {
    const message = `Webhooks go to public addresses only: ${new URL(parsed.data.url).hostname} is ${literal.range}.`;
    throw new DomainError('invalid', message, {
      field: 'url',
      reason: ADDRESS_NOT_ALLOWED,
      errors: [{ field: 'url', message }],
    });
  }
  return { ...parsed.data, events: [...new Set(parsed.data.events)] };
}

/** Registers a webhook with a new random secret, returned so it can be shown once. */
export async function createWebhook(
  db: Db,
  input: WebhookInput,
  now: Date,
  targets: WebhookTargets = { allowHosts: [] },
): Promise<{ id: number; secret: string }> {
  const data = parseInput(input, targets);
  const secret = newWebhookSecret();
  const id = await insertWebhook(db, { ...data, secret, createdAt: now.toISOString() });
  return { id, secret };
}

export async function findWebhookOrThrow(db: Db, id: number): Promise<Webhook> {
  const webhook = await findWebhook(db, id);
  if (!webhook) throw new DomainError('not-found', `No webhook ${id}.`);
  return webhook;
}

export async function saveWebhook(
  db: Db,
  id: number,
  input: WebhookInput,
  targets: WebhookTargets = { allowHosts: [] },
): Promise<void> {
  if (!(await updateWebhook(db, id, parseInput(input, targets))))
    throw new DomainError('not-found', `No webhook ${id}.`);
}

/** Replaces the signing secret; the new one is returned to be shown once. */
export async function rotateWebhookSecret(db: Db, id: number): Promise<string> {
  const secret = newWebhookSecret();
  if (!(await updateWebhook(db, id, { secret }))) throw new DomainError('not-found', `No webhook ${id}.`);
  return secret;
}

export async function removeWebhook(db: Db, id: number): Promise<void> {
  if (!(await deleteWebhook(db, id))) throw new DomainError('not-found', `No webhook ${id}.`);
}
