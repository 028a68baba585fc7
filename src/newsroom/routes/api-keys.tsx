import type { Context, Hono } from 'hono';
import { type Actor, listUsers, recordAudit } from '../../accounts/index.js';
import { findApiKey, issueApiKey, listApiKeys, revokeApiKey } from '../../api-keys/index.js';
import { DomainError, isDomainError } from '../../platform/errors.js';
import { adminTimeLabel, loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import { translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { type ApiKeyFormValues, apiKeyFormValues, parseApiKeyForm } from '../integrations-forms.js';
import { ApiKeyCreatedPage, ApiKeysPage } from '../views/api-keys-page.js';

type C = Context<NewsroomEnv>;

const PERMISSION = { action: 'apikeys.manage' } as const;

async function renderList(
  c: C,
  deps: NewsroomDeps,
  form: { values: ApiKeyFormValues; errors: Record<string, string> },
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const [keys, users, zone] = await Promise.all([
    listApiKeys(deps.db),
    listUsers(deps.db),
    loadNewsroomZone(deps.db),
  ]);
  const chrome = adminChrome(c, deps, t('apiKeys.heading'));
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    openApiUrl: `${deps.config.siteUrl}/api/openapi.json`,
    keys: keys.map((key) => ({
      id: key.id,
      name: key.name,
      kind: key.kind,
      tokenPrefix: key.tokenPrefix,
      actsAs: key.userEmail,
      createdAt: key.createdAt,
      createdLabel: adminTimeLabel(key.createdAt, zone),
      createdBy: key.createdByEmail,
      lastUsedAt: key.lastUsedAt,
      lastUsedLabel: key.lastUsedAt ? adminTimeLabel(key.lastUsedAt, zone) : null,
      revokedLabel: key.revokedAt ? adminTimeLabel(key.revokedAt, zone) : null,
    })),
    form: {
      ...form,
      people: users
        .filter((user) => user.disabledAt === null)
        .map((user) => ({
          value: String(user.id),
          label: `${user.email} · ${t(`admin.role.${user.role}`)}`,
        })),
    },
  };
  return renderAdmin(c, chrome, <ApiKeysPage view={view} />, status);
}

async function create(c: C, deps: NewsroomDeps, actor: Actor): Promise<Response> {
  const t = c.get('t');
  const values = apiKeyFormValues(await c.req.parseBody({ all: true }));
  const parsed = parseApiKeyForm(values);
  if (!parsed.ok) return renderList(c, deps, { values, errors: translateErrors(parsed.errors, t) }, 422);
  let issued: Awaited<ReturnType<typeof issueApiKey>>;
  try {
    issued = await issueApiKey(deps.db, { ...parsed.value, createdBy: actor.id }, deps.now());
  } catch (error) {
    if (isDomainError(error) && error.kind === 'invalid') {
      return renderList(c, deps, { values, errors: { userId: t('apiKeys.error.user') } }, 422);
    }
    throw error;
  }
  await recordAudit(
    deps.db,
    {
      actor,
      action: 'apikey.create',
      subject: { kind: 'api_key', id: issued.id },
      summary: parsed.value.name,
      details: { kind: parsed.value.kind, userId: parsed.value.userId, prefix: issued.tokenPrefix },
    },
    deps.now(),
  );
  // Shown in this response only: a redirect would have to carry the key in a URL.
  const view = { t, name: parsed.value.name, token: issued.token };
  return renderAdmin(
    c,
    adminChrome(c, deps, t('apiKeys.created.heading')),
    <ApiKeyCreatedPage view={view} />,
    200,
  );
}

/** API keys (owners only): content keys and staff tokens, shown once, listed by prefix, revoked. */
export function apiKeysRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/api-keys', (c) => {
    requirePermission(c, PERMISSION);
    return renderList(c, deps, { values: { name: '', kind: 'content', userId: '' }, errors: {} });
  });

  app.post('/api-keys', (c) => create(c, deps, requirePermission(c, PERMISSION)));

  app.post('/api-keys/:id/revoke', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const id = idParam(c);
    const key = await findApiKey(deps.db, id);
    if (!key) throw new DomainError('not-found', `No API key #${id}.`);
    if (await revokeApiKey(deps.db, id, deps.now().toISOString())) {
      await recordAudit(
        deps.db,
        {
          actor,
          action: 'apikey.revoke',
          subject: { kind: 'api_key', id },
          summary: key.name,
          details: { kind: key.kind, prefix: key.tokenPrefix },
        },
        deps.now(),
      );
    }
    return c.redirect('/admin/api-keys?notice=revoked', 303);
  });
}
