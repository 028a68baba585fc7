import { type Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/database/index.js';
import type { ProblemStatus, Surface } from '../../platform/http/app.js';
import type { Logger } from '../../platform/logger.js';
import { applyWebhookEvents } from './apply.js';
import { WebhookNotConfigured, WebhookUnauthenticated } from './errors.js';
import type { ParsedWebhook, WebhookProvider } from './event.js';
import { parseMailgunEvent, verifyMailgunSignature } from './mailgun.js';
import { parsePostmarkRecord, verifyPostmarkCredentials } from './postmark.js';
import { parseJsonBody, readRawBody } from './request-body.js';
import {
  parseSendgridEvents,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  sendgridPublicKey,
  verifySendgridSignature,
} from './sendgrid.js';
import { parseVelocityEvents, VELOCITY_SIGNATURE_HEADER, verifyVelocitySignature } from './velocity.js';

export interface NewsletterWebhookDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  now: () => Date;
}

export const NEWSLETTER_WEBHOOKS_PATH = '/webhooks/newsletter';

/** A SendGrid batch of a thousand events is about 400 KB; a body past this is not a webhook. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const STATUS_TITLES: Partial<Record<ProblemStatus, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Content Too Large',
  500: 'Internal Server Error',
};

/** RFC 9457 problem documents: the callers are other servers, which log the body of a refusal. */
function renderWebhookProblem(c: Context, status: ProblemStatus, message: string): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  };
  // RFC 9110 §15.5.2: a 401 names a scheme; only Postmark's endpoint uses one HTTP defines.
  if (status === 401 && c.req.path.endsWith('/postmark')) {
    headers['www-authenticate'] = 'Basic realm="newsletter webhook", charset="UTF-8"';
  }
  const problem = { type: 'about:blank', title: STATUS_TITLES[status] ?? 'Error', status, detail: message };
  return c.body(JSON.stringify(problem), status, headers);
}

/**
 * Bounce and complaint webhooks: POST /velocity (our own JSON shape), /mailgun, /sendgrid and
 * /postmark under /webhooks/newsletter. Each is authenticated by its provider's scheme, not by a
 * session, so no CSRF token applies; an endpoint whose secret is unset answers 404.
 */
export function createNewsletterWebhooks(deps: NewsletterWebhookDeps): Surface {
  const { config } = deps;
  const sendgridKey = config.SENDGRID_WEBHOOK_PUBLIC_KEY
    ? sendgridPublicKey(config.SENDGRID_WEBHOOK_PUBLIC_KEY)
    : undefined;
  const app = new Hono();

  async function receive(
    c: Context,
    provider: WebhookProvider,
    read: (raw: Buffer, now: Date) => ParsedWebhook,
  ): Promise<Response> {
    const now = deps.now();
    let parsed: ParsedWebhook;
    try {
      parsed = read(await readRawBody(c, MAX_WEBHOOK_BODY_BYTES), now);
    } catch (error) {
      if (error instanceof WebhookUnauthenticated) {
        deps.log.warn({ provider, reason: error.reason }, 'newsletter webhook refused');
      }
      throw error;
    }
    const summary = await applyWebhookEvents(deps.db, parsed.events, {
      softBounceLimit: config.NEWSLETTER_SOFT_BOUNCE_LIMIT,
      receivedAt: now.toISOString(),
    });
    const answer = { received: parsed.events.length + parsed.ignored, ignored: parsed.ignored, ...summary };
    deps.log.info({ provider, ...answer }, 'newsletter webhook');
    return c.json(answer, 200, { 'cache-control': 'no-store' });
  }

  app.post('/velocity', (c) => {
    const secret = config.NEWSLETTER_WEBHOOK_SECRET;
    if (!secret) throw new WebhookNotConfigured();
    return receive(c, 'velocity', (raw, now) => {
      verifyVelocitySignature(secret, c.req.header(VELOCITY_SIGNATURE_HEADER), raw, now);
      return parseVelocityEvents(parseJsonBody(raw));
    });
  });

  app.post('/mailgun', (c) => {
    const key = config.MAILGUN_WEBHOOK_SIGNING_KEY;
    if (!key) throw new WebhookNotConfigured();
    return receive(c, 'mailgun', (raw, now) => {
      // The signature is inside the JSON, so the body must be read as JSON before it is checked.
      const body = parseJsonBody(raw);
      verifyMailgunSignature(key, body, now);
      return parseMailgunEvent(body);
    });
  });

  app.post('/sendgrid', (c) => {
    if (!sendgridKey) throw new WebhookNotConfigured();
    return receive(c, 'sendgrid', (raw, now) => {
      const headers = {
        signature: c.req.header(SENDGRID_SIGNATURE_HEADER),
        timestamp: c.req.header(SENDGRID_TIMESTAMP_HEADER),
      };
      verifySendgridSignature(sendgridKey, headers, raw, now);
      return parseSendgridEvents(parseJsonBody(raw));
    });
  });

  app.post('/postmark', (c) => {
    const password = config.POSTMARK_WEBHOOK_PASSWORD;
    if (!password) throw new WebhookNotConfigured();
    return receive(c, 'postmark', (raw) => {
      verifyPostmarkCredentials(password, c.req.header('authorization'));
      return parsePostmarkRecord(parseJsonBody(raw));
    });
  });

  app.all('*', () => {
    throw new WebhookNotConfigured();
  });

  return { path: NEWSLETTER_WEBHOOKS_PATH, app, renderProblem: renderWebhookProblem };
}
