import type { Context, Hono } from 'hono';
import { type Actor, can, recordAudit } from '../../accounts/index.js';
import {
  type Cluster,
  listClusterItems,
  listClusters,
  listFeeds,
  listItemLanguages,
  setClusterState,
} from '../../desk/index.js';
import { DomainError } from '../../platform/errors.js';
import { displayLanguageName } from '../../platform/i18n.js';
import { offsetLabel } from '../../platform/time-zone.js';
import { findSiteSettings, listEntities } from '../../stories/index.js';
import { loadNewsroomZone, newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam, pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { ClusterPage } from '../views/desk-cluster.js';
import { InboxPage, type InboxView } from '../views/desk-inbox.js';
import { clusterCard, entityNames, findClusterOrThrow, itemView } from './desk-data.js';
import { InboxQuery, inboxFilter, readSnooze, returnPath, STATES } from './desk-forms.js';
import { deskStartRoutes } from './desk-start.js';
import { entityLabel } from './story-editor-data.js';

type C = Context<NewsroomEnv>;

const PAGE_SIZE = 20;
const ID = '/desk/:id{[0-9]+}';
/** Messages after a triage redirect (`?done=ignored`). */
const DONE = new Set(['ignored', 'snoozed', 'reopened']);

function doneNotice(c: C) {
  const done = c.req.query('done') ?? '';
  return DONE.has(done) ? { kind: 'success' as const, text: c.get('t')(`desk.done.${done}`) } : undefined;
}

/** The desk (owners, editors, authors): clusters of the same news, each cluster's items, triage. */
export function deskRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/desk', async (c) => {
    const actor = requirePermission(c, { action: 'desk.view' });
    const t = c.get('t');
    const query = InboxQuery.parse(c.req.query());
    const { page, limit, offset } = pageParam(c, PAGE_SIZE);
    const [feeds, entities, settings] = await Promise.all([
      listFeeds(deps.db),
      listEntities(deps.db),
      findSiteSettings(deps.db),
    ]);
    const entity = query.entity ? entities.find((e) => e.slug === query.entity) : undefined;
    // An entity that does not exist matches nothing, rather than silently everything.
    const { clusters, total } =
      query.entity && !entity
        ? { clusters: [], total: 0 }
        : await listClusters(deps.db, inboxFilter(query, entity?.id, { limit, offset }), deps.now());
    const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const filters = {
      state: query.state ?? 'open',
      source: query.source ?? '',
      language: query.language ?? '',
      entity: query.entity ?? '',
      from: query.from ?? '',
      to: query.to ?? '',
    };
    const kept = { ...filters, state: query.state };
    const languages = [
      ...new Set([
        ...(settings?.locales ?? []),
        ...(await listItemLanguages(deps.db)),
        ...(query.language ? [query.language] : []),
      ]),
    ];
    const here = new URLSearchParams(
      Object.entries({ ...kept, page: page > 1 ? String(page) : undefined }).flatMap(([k, v]) =>
        v ? [[k, v]] : [],
      ),
    ).toString();
    const chrome = adminChrome(c, deps, t('desk.inbox.heading'));
    const notice = doneNotice(c);
    if (notice) chrome.notice = notice;
    const view: InboxView = {
      t,
      csrfToken: chrome.csrfToken,
      filters,
      options: {
        states: STATES.map((s) => ({ value: s, label: t(`desk.filter.state.${s}`) })),
        sources: feeds.map((f) => ({ value: String(f.id), label: f.title || f.feedUrl })),
        languages: languages.map((l) => ({ value: l, label: displayLanguageName(l, t.locale) })),
        entities: entities
          .map((e) => ({ value: e.slug, label: entityLabel(e, t.locale) }))
          .sort((a, b) => a.label.localeCompare(b.label, t.locale)),
      },
      clusters: clusters.map((cluster) => clusterCard(t, cluster, newsroomZone(settings))),
      total,
      pager: { page, totalPages, ...pagerLinks('/admin/desk', kept, page, totalPages) },
      returnTo: here ? `/admin/desk?${here}` : '/admin/desk',
      canTriage: can(actor, { action: 'desk.triage' }),
      canStart: can(actor, { action: 'story.create' }),
      canManageSources: can(actor, { action: 'sources.manage' }),
    };
    return renderAdmin(c, chrome, <InboxPage view={view} />);
  });

  const renderCluster = async (
    c: C,
    actor: Actor,
    cluster: Cluster,
    snooze: { until: string; error?: string } = { until: '' },
    status: 200 | 422 = 200,
  ) => {
    const t = c.get('t');
    const [items, entities, zone] = await Promise.all([
      listClusterItems(deps.db, cluster.id),
      listEntities(deps.db),
      loadNewsroomZone(deps.db),
    ]);
    const publishers = new Map(cluster.sources.map((s) => [s.itemId, s.publisher]));
    const chrome = adminChrome(c, deps, cluster.title);
    const notice = doneNotice(c);
    if (notice) chrome.notice = notice;
    const view = {
      t,
      csrfToken: chrome.csrfToken,
      cluster: clusterCard(t, cluster, zone),
      items: items.map((item) =>
        itemView(t, item, { cluster, publisher: publishers.get(item.id) ?? '', entities, zone }),
      ),
      entities: entityNames(cluster.entityIds, entities, t.locale),
      canTriage: can(actor, { action: 'desk.triage' }),
      canStart: can(actor, { action: 'story.create' }),
      snooze: {
        until: snooze.until,
        error: snooze.error ? t(snooze.error) : undefined,
        hint: t('desk.snooze.untilHint', { zone, offset: offsetLabel(deps.now(), zone) }),
      },
    };
    return renderAdmin(c, chrome, <ClusterPage view={view} />, status);
  };

  app.get(ID, async (c) => {
    const actor = requirePermission(c, { action: 'desk.view' });
    return renderCluster(c, actor, await findClusterOrThrow(deps, idParam(c)));
  });

  const triage = async (
    actor: Actor,
    cluster: Cluster,
    change: { state: 'open' | 'ignored' | 'snoozed'; snoozedUntil?: string },
  ) => {
    await setClusterState(deps.db, cluster.id, change.state, deps.now(), {
      snoozedUntil: change.snoozedUntil ?? null,
    });
    await recordAudit(
      deps.db,
      {
        actor,
        action: 'cluster.triage',
        subject: { kind: 'cluster', id: cluster.id },
        summary: cluster.title,
        details: {
          from: cluster.state,
          to: change.state,
          ...(change.snoozedUntil ? { until: change.snoozedUntil } : {}),
        },
      },
      deps.now(),
    );
  };

  /** Triage never touches a cluster a story was started from: that story is its outcome. */
  const triageable = async (c: C) => {
    const actor = requirePermission(c, { action: 'desk.triage' });
    const cluster = await findClusterOrThrow(deps, idParam(c));
    if (cluster.state === 'started')
      throw new DomainError('conflict', 'A story was started from this cluster; it stays started.');
    return { actor, cluster, body: await c.req.parseBody() };
  };

  const withDone = (path: string, done: string) => `${path}${path.includes('?') ? '&' : '?'}done=${done}`;

  app.post(`${ID}/ignore`, async (c) => {
    const { actor, cluster, body } = await triageable(c);
    await triage(actor, cluster, { state: 'ignored' });
    return c.redirect(withDone(returnPath(body), 'ignored'), 303);
  });

  app.post(`${ID}/reopen`, async (c) => {
    const { actor, cluster, body } = await triageable(c);
    await triage(actor, cluster, { state: 'open' });
    return c.redirect(withDone(returnPath(body), 'reopened'), 303);
  });

  app.post(`${ID}/snooze`, async (c) => {
    const { actor, cluster, body } = await triageable(c);
    const snooze = readSnooze(body, deps.now(), await loadNewsroomZone(deps.db));
    if (!snooze.ok) {
      // A value a date-time field cannot hold is not shown again (a browser never sends one).
      const typed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(snooze.until) ? snooze.until : '';
      return renderCluster(c, actor, cluster, { until: typed, error: snooze.error }, 422);
    }
    await triage(actor, cluster, { state: 'snoozed', snoozedUntil: snooze.until });
    return c.redirect(withDone(returnPath(body), 'snoozed'), 303);
  });

  deskStartRoutes(app, deps);
}
