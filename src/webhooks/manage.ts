import type { Kysely } from 'kysely';
import { z } from 'zod';
import { newToken } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import type { ContentEventType } from '../stories/index.js';
import { deleteWebhook, findWebhook, insertWebhook, updateWebhook, type Webhook } from './queries.js';

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

function newSecret(): string {
  return `whsec_${newToken()}`;
}

function parseInput(input: WebhookInput) {
  const parsed = WebhookInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('invalid', issue?.message ?? 'Invalid webhook.', {
      field: String(issue?.path[0] ?? 'url'),
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  return { ...parsed.data, events: [...new Set(parsed.data.events)] };
}

/** Registers a webhook with a new random secret, returned so it can be shown once. */
export async function createWebhook(
  db: Db,
  input: WebhookInput,
  now: Date,
): Promise<{ id: number; secret: string }> {
  const data = parseInput(input);
  const secret = newSecret();
  const id = await insertWebhook(db, { ...data, secret, createdAt: now.toISOString() });
  return { id, secret };
}

export async function findWebhookOrThrow(db: Db, id: number): Promise<Webhook> {
  const webhook = await findWebhook(db, id);
  if (!webhook) throw new DomainError('not-found', `No webhook ${id}.`);
  return webhook;
}

export async function saveWebhook(db: Db, id: number, input: WebhookInput): Promise<void> {
  if (!(await updateWebhook(db, id, parseInput(input))))
    throw new DomainError('not-found', `No webhook ${id}.`);
}

/** Replaces the signing secret; the new one is returned to be shown once. */
export async function rotateWebhookSecret(db: Db, id: number): Promise<string> {
  const secret = newSecret();
  if (!(await updateWebhook(db, id, { secret }))) throw new DomainError('not-found', `No webhook ${id}.`);
  return secret;
}

export async function removeWebhook(db: Db, id: number): Promise<void> {
  if (!(await deleteWebhook(db, id))) throw new DomainError('not-found', `No webhook ${id}.`);
}
