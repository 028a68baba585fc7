import type { Context, Hono } from 'hono';
import { type Actor, recordAudit } from '../../accounts/index.js';
import { DomainError } from '../../platform/errors.js';
import {
  ADDRESS_NOT_ALLOWED,
  createWebhook,
  type Delivery,
  findWebhookOrThrow,
  isLegacySecret,
  listDeliveries,
  listWebhooks,
  removeWebhook,
  retryDeliveryNow,
  rotateWebhookSecret,
  saveWebhook,
  WEBHOOK_EVENTS,
  type Webhook,
} from '../../webhooks/index.js';
import { adminTimeLabel, loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import { type FormResult, translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { parseWebhookForm, type WebhookFormValues, webhookFormValues } from '../integrations-forms.js';
import {
  type DeliveryRowView,
  WebhookPage,
  WebhookSecretPage,
  WebhooksPage,
} from '../views/webhooks-pages.js';

type C = Context<NewsroomEnv>;

const PERMISSION = { action: 'webhooks.manage' } as const;
/** The delivery log shows this many of a webhook's latest deliveries. */
const DELIVERY_LOG_SIZE = 50;
/** Notices after "retry now" that the shared ones do not have. */
const RETRY_NOTICES = new Set(['retryQueued', 'retryRefused']);

function deliveryRow(zone: string, d: Delivery): DeliveryRowView {
  const timeAt = d.status === 'delivered' ? d.deliveredAt : d.status === 'pending' ? d.nextAttemptAt : null;
  return {
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    failure: d.failure,
    durationMs: d.durationMs,
    createdAt: d.createdAt,
    createdLabel: adminTimeLabel(d.createdAt, zone),
    timeAt,
    timeLabel: timeAt ? adminTimeLabel(timeAt, zone) : null,
    canRetry: d.status !== 'delivered',
  };
}

async function renderList(
  c: C,
  deps: NewsroomDeps,
  form: { values: WebhookFormValues; errors: Record<string, string> },
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const webhooks = await listWebhooks(deps.db);
  const chrome = adminChrome(c, deps, t('webhooks.heading'));
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    webhooks: webhooks.map((w) => ({
      href: `/admin/webhooks/${w.id}`,
      url: w.url,
      events: w.events,
      active: w.active,
      counts: w.counts,
    })),
    form: { ...form, events: WEBHOOK_EVENTS },
  };
  return renderAdmin(c, chrome, <WebhooksPage view={view} />, status);
}

async function renderWebhook(
  c: C,
  deps: NewsroomDeps,
  webhook: Webhook,
  form?: { values: WebhookFormValues; errors: Record<string, string> },
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const chrome = adminChrome(c, deps, t('webhooks.title', { url: webhook.url }));
  const retry = c.req.query('retry');
  if (retry && RETRY_NOTICES.has(retry)) {
    chrome.notice = {
      kind: retry === 'retryQueued' ? 'success' : 'error',
      text: t(`webhooks.notice.${retry}`),
    };
  }
  const [deliveries, zone] = await Promise.all([
    listDeliveries(deps.db, webhook.id, DELIVERY_LOG_SIZE),
    loadNewsroomZone(deps.db),
  ]);
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    id: webhook.id,
    url: webhook.url,
    legacySecret: isLegacySecret(webhook.secret),
    form: {
      values: form?.values ?? { url: webhook.url, events: webhook.events, active: webhook.active },
      errors: form?.errors ?? {},
      events: WEBHOOK_EVENTS,
    },
    deliveries: deliveries.map((d) => deliveryRow(zone, d)),
  };
  return renderAdmin(c, chrome, <WebhookPage view={view} />, status);
}

function renderSecret(c: C, deps: NewsroomDeps, webhook: { id: number; url: string }, secret: string) {
  const t = c.get('t');
  const view = { t, url: webhook.url, secret, href: `/admin/webhooks/${webhook.id}` };
  return renderAdmin(
    c,
    adminChrome(c, deps, t('webhooks.secret.heading')),
    <WebhookSecretPage view={view} />,
  );
}

/** Runs a save; an address the guard refuses becomes the form's error rather than a failure page. */
async function unlessRefused<T>(save: () => Promise<T>): Promise<FormResult<T>> {
  try {
    return { ok: true, value: await save() };
  } catch (error) {
    const reason =
      error instanceof DomainError && (error.details as { reason?: unknown } | undefined)?.reason;
    if (reason === ADDRESS_NOT_ALLOWED)
      return { ok: false, errors: { url: { key: 'webhooks.error.address' } } };
    throw error;
  }
}

function audit(
  deps: NewsroomDeps,
  actor: Actor,
  action: 'webhook.save' | 'webhook.delete',
  id: number,
  details: Record<string, unknown>,
  summary: string,
) {
  return recordAudit(
    deps.db,
    { actor, action, subject: { kind: 'webhook', id }, summary, details },
    deps.now(),
  );
}

/** Webhooks (owners only): endpoints, their events, secrets, and each one's delivery log. */
export function webhooksRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const targets = { allowHosts: deps.config.WEBHOOK_ALLOW_HOSTS };
  app.get('/webhooks', (c) => {
    requirePermission(c, PERMISSION);
    return renderList(c, deps, {
      values: { url: '', events: [...WEBHOOK_EVENTS], active: true },
      errors: {},
    });
  });

  app.post('/webhooks', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const values = webhookFormValues(await c.req.parseBody({ all: true }));
    const parsed = parseWebhookForm(values);
    if (!parsed.ok)
      return renderList(c, deps, { values, errors: translateErrors(parsed.errors, c.get('t')) }, 422);
    const created = await unlessRefused(() => createWebhook(deps.db, parsed.value, deps.now(), targets));
    if (!created.ok)
      return renderList(c, deps, { values, errors: translateErrors(created.errors, c.get('t')) }, 422);
    const { id, secret } = created.value;
    await audit(
      deps,
      actor,
      'webhook.save',
      id,
      { events: parsed.value.events, active: parsed.value.active },
      parsed.value.url,
    );
    return renderSecret(c, deps, { id, url: parsed.value.url }, secret);
  });

  app.get('/webhooks/:id', async (c) => {
    requirePermission(c, PERMISSION);
    return renderWebhook(c, deps, await findWebhookOrThrow(deps.db, idParam(c)));
  });

  app.post('/webhooks/:id', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const webhook = await findWebhookOrThrow(deps.db, idParam(c));
    const values = webhookFormValues(await c.req.parseBody({ all: true }));
    const parsed = parseWebhookForm(values);
    if (!parsed.ok) {
      return renderWebhook(
        c,
        deps,
        webhook,
        { values, errors: translateErrors(parsed.errors, c.get('t')) },
        422,
      );
    }
    const saved = await unlessRefused(() => saveWebhook(deps.db, webhook.id, parsed.value, targets));
    if (!saved.ok) {
      const errors = translateErrors(saved.errors, c.get('t'));
      return renderWebhook(c, deps, webhook, { values, errors }, 422);
    }
    await audit(
      deps,
      actor,
      'webhook.save',
      webhook.id,
      { events: parsed.value.events, active: parsed.value.active },
      parsed.value.url,
    );
    return c.redirect(`/admin/webhooks/${webhook.id}?notice=saved`, 303);
  });

  app.post('/webhooks/:id/secret', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const webhook = await findWebhookOrThrow(deps.db, idParam(c));
    const secret = await rotateWebhookSecret(deps.db, webhook.id);
    await audit(deps, actor, 'webhook.save', webhook.id, { secret: 'replaced' }, webhook.url);
    return renderSecret(c, deps, webhook, secret);
  });

  app.post('/webhooks/:id/delete', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const webhook = await findWebhookOrThrow(deps.db, idParam(c));
    await removeWebhook(deps.db, webhook.id);
    await audit(deps, actor, 'webhook.delete', webhook.id, { events: webhook.events }, webhook.url);
    return c.redirect('/admin/webhooks?notice=deleted', 303);
  });

  app.post('/webhooks/:id/deliveries/:deliveryId/retry', async (c) => {
    requirePermission(c, PERMISSION);
    const webhook = await findWebhookOrThrow(deps.db, idParam(c));
    const queued = await retryDeliveryNow(
      deps.db,
      webhook.id,
      idParam(c, 'deliveryId'),
      deps.now().toISOString(),
    );
    return c.redirect(`/admin/webhooks/${webhook.id}?retry=${queued ? 'retryQueued' : 'retryRefused'}`, 303);
  });
}
