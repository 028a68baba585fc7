import type { Context, Hono } from 'hono';
import {
  deleteEntity,
  ENTITY_KINDS,
  formLocales,
  saveEntity,
  siteSettingsOrThrow,
} from '../../editorial/index.js';
import { type Entity, listEntities } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  type EntityFormValues,
  entityFormValues,
  entityToFormValues,
  matchesEntitySearch,
} from '../taxonomy-forms.js';
import { EntityFormPage, EntityListPage } from '../views/taxonomy-pages.js';
import { type RecordKind, recordRoutes } from './taxonomy-records.js';

type C = Context<NewsroomEnv>;

const PAGE_SIZE = 50;
const MAX_QUERY_CHARS = 100;

const kindOptions = (t: C['var']['t']) =>
  ENTITY_KINDS.map((kind) => ({ value: kind, label: t(`entityKind.${kind}`) }));

const entities: RecordKind<Entity, EntityFormValues> = {
  path: 'entities',
  find: async (db, id) => (await listEntities(db)).find((e) => e.id === id),
  blank: (locales) => ({
    slug: '',
    kind: 'company',
    translations: Object.fromEntries(locales.map((l) => [l, { name: '', aliases: '', description: '' }])),
  }),
  toFields: entityToFormValues,
  // The slug of an existing entity is not a field of its form.
  fromBody: (body, locales, editing) => {
    const typed = entityFormValues(body, locales);
    return editing ? { ...typed, slug: editing.slug } : typed;
  },
  heading: (t, editing) =>
    editing ? t('taxonomy.entities.editHeading', { slug: editing.slug }) : t('taxonomy.entities.newHeading'),
  page: (view) => <EntityFormPage view={{ ...view, kinds: kindOptions(view.t) }} />,
  save: saveEntity,
  remove: deleteEntity,
};

/** Entities (companies, products, models, GPUs, people, topics): search, create, edit, delete. */
export function entityRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/entities', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const t = c.get('t');
    const query = (c.req.query('q') ?? '').slice(0, MAX_QUERY_CHARS);
    const kindQuery = c.req.query('kind') ?? '';
    const kind = (ENTITY_KINDS as readonly string[]).includes(kindQuery) ? kindQuery : '';
    const [settings, all] = await Promise.all([siteSettingsOrThrow(deps.db), listEntities(deps.db)]);
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
  recordRoutes(app, deps, entities);
}
