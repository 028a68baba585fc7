import type { Context, Hono } from 'hono';
import { recordAudit } from '../../accounts/index.js';
import { DomainError } from '../../platform/errors.js';
import { type Entity, listEntities, upsertEntity } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import { translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam, pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  ENTITY_KINDS,
  type EntityFormValues,
  entityFormValues,
  entityToFormValues,
  formLocales,
  matchesEntitySearch,
  parseEntityForm,
} from '../taxonomy-forms.js';
import { EntityFormPage, EntityListPage } from '../views/taxonomy-pages.js';
import { localeLabels, NO_STORIES, siteSettingsOrThrow } from './taxonomy-context.js';

type C = Context<NewsroomEnv>;

const PAGE_SIZE = 50;
const MAX_QUERY_CHARS = 100;

const kindOptions = (t: C['var']['t']) =>
  ENTITY_KINDS.map((kind) => ({ value: kind, label: t(`entityKind.${kind}`) }));

async function entityOrThrow(deps: NewsroomDeps, id: number): Promise<Entity> {
  const entity = (await listEntities(deps.db)).find((e) => e.id === id);
  if (!entity) throw new DomainError('not-found', `No entity #${id}.`);
  return entity;
}

async function renderForm(
  c: C,
  deps: NewsroomDeps,
  form: { values: EntityFormValues; editing?: Entity; errors?: Record<string, string> },
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const settings = await siteSettingsOrThrow(deps);
  const locales = formLocales(settings.locales, Object.keys(form.editing?.translations ?? {}));
  const heading = form.editing
    ? t('taxonomy.entities.editHeading', { slug: form.editing.slug })
    : t('taxonomy.entities.newHeading');
  const chrome = adminChrome(c, deps, heading);
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    heading,
    action: form.editing ? `/admin/entities/${form.editing.id}` : '/admin/entities',
    isNew: !form.editing,
    values: form.values,
    kinds: kindOptions(t),
    locales: localeLabels(locales),
    defaultLocale: settings.defaultLocale,
    errors: form.errors ?? {},
  };
  return renderAdmin(c, chrome, <EntityFormPage view={view} />, status);
}

async function save(c: C, deps: NewsroomDeps, editing: Entity | undefined): Promise<Response> {
  const actor = requirePermission(c, { action: 'taxonomy.manage' });
  const t = c.get('t');
  const [settings, entities] = await Promise.all([siteSettingsOrThrow(deps), listEntities(deps.db)]);
  const locales = formLocales(settings.locales, Object.keys(editing?.translations ?? {}));
  const typed = entityFormValues(await c.req.parseBody(), locales);
  // The slug of an existing entity is not a field of its form.
  const values = editing ? { ...typed, slug: editing.slug } : typed;
  const parsed = parseEntityForm(values, {
    locales,
    defaultLocale: settings.defaultLocale,
    entities,
    ...(editing ? { editing } : {}),
  });
  if (!parsed.ok) {
    const errors = translateErrors(parsed.errors, t);
    return renderForm(c, deps, { values, ...(editing ? { editing } : {}), errors }, 422);
  }
  const now = deps.now();
  const id = await deps.db.transaction().execute((trx) => upsertEntity(trx, parsed.value, now));
  await recordAudit(
    deps.db,
    {
      actor,
      action: 'entity.save',
      subject: { kind: 'entity', id },
      summary: parsed.value.slug,
      details: {
        created: !editing,
        kind: parsed.value.kind,
        ...(editing && editing.kind !== parsed.value.kind ? { previousKind: editing.kind } : {}),
        locales: Object.keys(parsed.value.translations),
      },
    },
    now,
  );
  await deps.contentChanged({ ...NO_STORIES, entityIds: [id] }, { taxonomy: true });
  return c.redirect(`/admin/entities/${id}?notice=saved`, 303);
}

/** Entities (companies, products, models, GPUs, people, topics): search, create, edit. */
export function entityRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/entities', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const t = c.get('t');
    const query = (c.req.query('q') ?? '').slice(0, MAX_QUERY_CHARS);
    const kindQuery = c.req.query('kind') ?? '';
    const kind = (ENTITY_KINDS as readonly string[]).includes(kindQuery) ? kindQuery : '';
    const [settings, all] = await Promise.all([siteSettingsOrThrow(deps), listEntities(deps.db)]);
    const matching = all.filter((e) => (kind === '' || e.kind === kind) && matchesEntitySearch(e, query));
    const { page, limit, offset } = pageParam(c, PAGE_SIZE);
    const totalPages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
    const view = {
      t,
      query,
      kind,
      kinds: kindOptions(t),
      total: matching.length,
      entities: matching.slice(offset, offset + limit).map((e) => ({
        href: `/admin/entities/${e.id}`,
        slug: e.slug,
        kindLabel: t(`entityKind.${e.kind}`),
        names: formLocales(settings.locales, Object.keys(e.translations)).flatMap((tag) => {
          const tr = e.translations[tag];
          return tr ? [{ tag, name: tr.name }] : [];
        }),
        aliasCount: Object.values(e.translations).reduce((n, tr) => n + tr.aliases.length, 0),
      })),
      pager: { page, totalPages, ...pagerLinks('/admin/entities', { q: query, kind }, page, totalPages) },
    };
    const chrome = adminChrome(c, deps, t('taxonomy.entities.heading'));
    return renderAdmin(c, chrome, <EntityListPage view={view} />);
  });

  app.get('/entities/new', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const settings = await siteSettingsOrThrow(deps);
    const values: EntityFormValues = {
      slug: '',
      kind: 'company',
      translations: Object.fromEntries(
        settings.locales.map((l) => [l, { name: '', aliases: '', description: '' }]),
      ),
    };
    return renderForm(c, deps, { values });
  });

  app.post('/entities', (c) => save(c, deps, undefined));

  app.get('/entities/:id', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const entity = await entityOrThrow(deps, idParam(c));
    const settings = await siteSettingsOrThrow(deps);
    const values = entityToFormValues(
      entity,
      formLocales(settings.locales, Object.keys(entity.translations)),
    );
    return renderForm(c, deps, { values, editing: entity });
  });

  app.post('/entities/:id', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const entity = await entityOrThrow(deps, idParam(c));
    return save(c, deps, entity);
  });
}
