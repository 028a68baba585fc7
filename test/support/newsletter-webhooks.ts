import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createNewsletterWebhooks, NEWSLETTER_WEBHOOKS_PATH } from '../../src/newsletter/events/index.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Database, Dialect, SubscriberState } from '../../src/platform/database/index.js';
import { createApp } from '../../src/platform/http/app.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** The instant every webhook test runs at; signatures are made for it. */
const WEBHOOK_TEST_NOW = new Date('2026-12-01T10:00:00Z');
export const WEBHOOK_TEST_UNIX = WEBHOOK_TEST_NOW.getTime() / 1000;

const VELOCITY_SECRET = 'velocity-test-secret-0123456789';
const MAILGUN_KEY = 'mailgun-test-signing-key-abcdef';
export const POSTMARK_PASSWORD = 'postmark-test-password-42';

/** A P-256 pair made for the run, standing in for the one SendGrid generates for an account. */
function sendgridTestKeys(): { privateKey: KeyObject; publicKeyBase64: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKey,
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

export interface WebhookTestKit {
  database: TestDatabase;
  db: Kysely<Database>;
  app: Hono;
  sendgridPrivateKey: KeyObject;
  /** POSTs `body` to /webhooks/newsletter/<endpoint>. */
  post(endpoint: string, body: BodyInit, headers?: Record<string, string>): Promise<Response>;
  destroy(): Promise<void>;
}

/**
 * A migrated database and the webhook surface mounted by createApp (so errors become statuses as
 * in production), with every provider configured unless `env` blanks one out.
 */
export async function createWebhookTestKit(
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<WebhookTestKit> {
  const database = await createTestDatabase(dialect);
  const keys = sendgridTestKeys();
  const config = loadConfig({
    SITE_URL: 'https://news.example.test',
    DATA_DIR: database.dataDir,
    NEWSLETTER_WEBHOOK_SECRET: VELOCITY_SECRET,
    MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY,
    SENDGRID_WEBHOOK_PUBLIC_KEY: keys.publicKeyBase64,
    POSTMARK_WEBHOOK_PASSWORD: POSTMARK_PASSWORD,
    NEWSLETTER_SOFT_BOUNCE_LIMIT: '3',
    ...env,
  });
  const log = createLogger('silent');
  const surface = createNewsletterWebhooks({ db: database.db, config, log, now: () => WEBHOOK_TEST_NOW });
  const app = createApp(log, [surface]);
  return {
    database,
    db: database.db,
    app,
    sendgridPrivateKey: keys.privateKey,
    post: (endpoint, body, headers = {}) =>
      Promise.resolve(
        app.request(`http://localhost${NEWSLETTER_WEBHOOKS_PATH}/${endpoint}`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', ...headers },
          ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
        } as RequestInit),
      ),
    destroy: () => database.destroy(),
  };
}

export function velocityHeader(
  body: string,
  timestamp = WEBHOOK_TEST_UNIX,
  secret = VELOCITY_SECRET,
): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Mailgun's body-borne signature for `timestamp` and `token`. */
export function mailgunSignature(timestamp = WEBHOOK_TEST_UNIX, token = 'a'.repeat(50), key = MAILGUN_KEY) {
  return {
    timestamp: String(timestamp),
    token,
    signature: createHmac('sha256', key).update(`${timestamp}${token}`).digest('hex'),
  };
}

export function sendgridHeaders(
  privateKey: KeyObject,
  body: string,
  timestamp = WEBHOOK_TEST_UNIX,
): Record<string, string> {
  const signature = sign('sha256', Buffer.from(`${timestamp}${body}`), privateKey).toString('base64');
  return {
    'x-twilio-email-event-webhook-signature': signature,
    'x-twilio-email-event-webhook-timestamp': String(timestamp),
  };
}

export function basicAuth(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** Empties the newsletter tables between tests, so each starts from known subscribers. */
export async function resetNewsletterTables(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('newsletter_events').execute();
  await db.deleteFrom('newsletter_deliveries').execute();
  await db.deleteFrom('newsletter_issues').execute();
  await db.deleteFrom('subscribers').execute();
}

export async function seedSubscriber(
  db: Kysely<Database>,
  email: string,
  state: SubscriberState = 'active',
): Promise<number> {
  const at = '2026-11-01T09:00:00.000Z';
  const row = await db
    .insertInto('subscribers')
    .values({
      email,
      locale: 'en',
      frequency: 'weekly',
      state,
      confirm_nonce: null,
      consent_requested_at: at,
      confirmed_at: state === 'active' ? at : null,
      confirm_ip_hash: null,
      confirm_user_agent: null,
      unsubscribed_at: null,
      suppressed_at: null,
      suppression_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let issueSlot = 0;

/** A delivery of a fresh issue to the subscriber, with the Message-ID as the sender stores it. */
export async function seedDelivery(
  db: Kysely<Database>,
  subscriberId: number,
  messageId: string,
  state: 'pending' | 'sent' = 'sent',
): Promise<number> {
  issueSlot += 1;
  const at = '2026-11-30T08:00:00.000Z';
  const issue = await db
    .insertInto('newsletter_issues')
    .values({
      kind: 'manual',
      frequency: 'weekly',
      locale: 'en',
      topic_key: '',
      slot: `test-${issueSlot}-${messageId}`,
      period_start: at,
      period_end: at,
      subject: 'This week',
      html: '<p>Hello</p>',
      text: 'Hello',
      story_ids: '[]',
      state: 'sending',
      created_at: at,
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const delivery = await db
    .insertInto('newsletter_deliveries')
    .values({
      issue_id: issue.id,
      subscriber_id: subscriberId,
      state,
      message_id: messageId,
      next_attempt_at: at,
      claimed_by: null,
      claim_expires_at: null,
      last_error: null,
      sent_at: state === 'sent' ? at : null,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return delivery.id;
}

export async function eventRows(db: Kysely<Database>) {
  return db.selectFrom('newsletter_events').selectAll().orderBy('id').execute();
}

export async function subscriberRow(db: Kysely<Database>, id: number) {
  return db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
