import type { Context, Hono } from 'hono';
import { type Actor, recordAudit } from '../../accounts/index.js';
import {
  exportOpml,
  FetchError,
  type FollowedFeed,
  findFeed,
  followFeed,
  HttpStatusError,
  importOpml,
  listFeeds,
  NoFeedFound,
  OpmlMalformed,
  OpmlRefused,
  OpmlTooLarge,
  type RefreshReport,
  refreshFeeds,
  unfollowFeed,
  updateFeedDetails,
} from '../../desk/index.js';
import { DomainError } from '../../platform/errors.js';
import type { Translator } from '../../platform/i18n.js';
import { findSiteSettings } from '../../stories/index.js';
import { loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { SourceDeleteConfirmPage, SourcesPage, type SourcesView } from '../views/sources-page.js';
import { sourceRow } from './desk-data.js';
import { folderPath, readAddSource } from './desk-forms.js';

type C = Context<NewsroomEnv>;

const PERMISSION = { action: 'sources.manage' } as const;
const ID = '/sources/:id{[0-9]+}';
/** An OPML list of a few thousand feeds is well under this. */
const MAX_OPML_BYTES = 1024 * 1024;

/** Messages after a redirect (`?done=followed&items=3`): the key and the counts it needs. */
const DONE: Record<string, string[]> = {
  followed: ['items'],
  already: [],
  paused: [],
  resumed: [],
  removed: [],
  imported: ['added', 'existing', 'skipped'],
  'refresh-updated': ['items', 'clusters'],
  'refresh-not-modified': [],
  'refresh-failed': [],
  'refresh-busy': [],
};

function doneNotice(
  c: C,
  t: Translator,
  error: string,
): { kind: 'success' | 'error'; text: string } | undefined {
  const done = c.req.query('done') ?? '';
  const wanted = DONE[done];
  if (!wanted) return undefined;
  const values: Record<string, number | string> = {};
  for (const name of wanted) {
    const value = c.req.query(name) ?? '';
    values[name] = /^\d{1,7}$/.test(value) ? Number(value) : 0;
  }
  if (done === 'refresh-failed') return { kind: 'error', text: t('sources.done.refresh-failed', { error }) };
  return { kind: 'success', text: t(`sources.done.${done}`, values) };
}

/** Why a feed could not be followed, in the person's words; anything unexpected propagates. */
function followError(t: Translator, error: unknown): string | undefined {
  if (error instanceof NoFeedFound) return t('sources.error.noFeed');
  if (error instanceof HttpStatusError) return t('sources.error.status', { status: error.status });
  if (error instanceof FetchError) return t(`sources.error.fetch.${error.code}`);
  if (error instanceof DomainError) return t('sources.error.other', { detail: error.message });
  return undefined;
}

function opmlError(t: Translator, error: unknown): string | undefined {
  if (error instanceof OpmlTooLarge)
    return t('sources.error.opmlTooLarge', { kilobytes: String(MAX_OPML_BYTES / 1024) });
  if (error instanceof OpmlRefused) return t('sources.error.opmlRefused');
  if (error instanceof OpmlMalformed) return t('sources.error.opmlMalformed');
  return undefined;
}

function audit(
  deps: NewsroomDeps,
  actor: Actor,
  action: 'source.follow' | 'source.update' | 'source.refresh' | 'source.unfollow' | 'source.import',
  feed: Pick<FollowedFeed, 'id' | 'feedUrl'> | undefined,
  details: Record<string, unknown>,
) {
  return recordAudit(
    deps.db,
    {
      actor,
      action,
      subject: { kind: 'source', id: feed?.id ?? null },
      summary: feed?.feedUrl ?? '',
      details,
    },
    deps.now(),
  );
}

function refreshRedirect(report: RefreshReport | undefined): string {
  const base = '/admin/sources?done=';
  if (!report || report.outcome === 'missing') throw new DomainError('not-found', 'No such source.');
  if (report.outcome === 'updated')
    return `${base}refresh-updated&items=${report.newItems}&clusters=${report.clustersJoined}&source=${report.feedId}`;
  return `${base}refresh-${report.outcome}&source=${report.feedId}`;
}

/** Followed feeds (owners and editors): their health, adding and removing them, OPML in and out. */
export function sourcesRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const render = async (
    c: C,
    form: Partial<Pick<SourcesView, 'add' | 'importError'>> = {},
    status: 200 | 413 | 422 = 200,
  ) => {
    const t = c.get('t');
    const [feeds, zone] = await Promise.all([listFeeds(deps.db), loadNewsroomZone(deps.db)]);
    const chrome = adminChrome(c, deps, t('sources.heading'));
    const source = Number(c.req.query('source') ?? '');
    const notice = doneNotice(c, t, feeds.find((f) => f.id === source)?.lastError ?? '');
    if (notice) chrome.notice = notice;
    const view: SourcesView = {
      t,
      csrfToken: chrome.csrfToken,
      sources: feeds.map((feed) => sourceRow(feed, zone)),
      add: form.add ?? { url: '', folder: '' },
      importError: form.importError,
      maxOpmlKilobytes: String(MAX_OPML_BYTES / 1024),
    };
    return renderAdmin(c, chrome, <SourcesPage view={view} />, status);
  };

  const findOrThrow = async (c: C) => {
    const feed = await findFeed(deps.db, idParam(c));
    if (!feed) throw new DomainError('not-found', 'No such source.');
    return feed;
  };

  app.get('/sources', (c) => {
    requirePermission(c, PERMISSION);
    return render(c);
  });

  app.post('/sources', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const t = c.get('t');
    const { values, parsed } = readAddSource(await c.req.parseBody());
    if (!parsed.ok) {
      const message = parsed.errors.url ?? parsed.errors.folder;
      return render(
        c,
        { add: { ...values, error: message ? t(message.key, message.values) : undefined } },
        422,
      );
    }
    const folder = folderPath(parsed.value.folder);
    try {
      const followed = await followFeed(deps.desk, parsed.value.url, {
        deferFullText: true,
        ...(folder.length > 0 ? { folder } : {}),
      });
      if (!followed.created) return c.redirect('/admin/sources?done=already', 303);
      await audit(deps, actor, 'source.follow', followed.feed, {
        input: parsed.value.url,
        items: followed.newItems,
      });
      return c.redirect(`/admin/sources?done=followed&items=${followed.newItems}`, 303);
    } catch (error) {
      const message = followError(t, error);
      if (message === undefined) throw error;
      return render(c, { add: { ...values, error: message } }, 422);
    }
  });

  app.post(`${ID}/refresh`, async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const feed = await findOrThrow(c);
    const [report] = await refreshFeeds(deps.desk, { feedIds: [feed.id] });
    await audit(deps, actor, 'source.refresh', feed, { outcome: report?.outcome });
    return c.redirect(refreshRedirect(report), 303);
  });

  for (const [verb, state] of [
    ['pause', 'paused'],
    ['resume', 'active'],
  ] as const) {
    app.post(`${ID}/${verb}`, async (c) => {
      const actor = requirePermission(c, PERMISSION);
      const feed = await findOrThrow(c);
      if (feed.state === 'manual')
        throw new DomainError(
          'conflict',
          'A source taken in from a file is never fetched: nothing to pause.',
        );
      await updateFeedDetails(deps.db, feed.id, { state });
      await audit(deps, actor, 'source.update', feed, { state });
      return c.redirect(`/admin/sources?done=${verb === 'pause' ? 'paused' : 'resumed'}`, 303);
    });
  }

  const confirmPage = async (c: C) => {
    requirePermission(c, PERMISSION);
    const t = c.get('t');
    const feed = await findOrThrow(c);
    const view = {
      t,
      csrfToken: c.get('session')?.csrfToken,
      title: feed.title || feed.feedUrl,
      items: feed.itemCount,
      action: `/admin/sources/${feed.id}/delete`,
    };
    return renderAdmin(
      c,
      adminChrome(c, deps, t('sources.delete.heading')),
      <SourceDeleteConfirmPage view={view} />,
    );
  };

  app.get(`${ID}/delete`, confirmPage);

  // Without the confirmation field (no JavaScript asked), the answer is the confirmation page.
  app.post(`${ID}/delete`, async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const feed = await findOrThrow(c);
    const body = await c.req.parseBody();
    if (body.confirmed !== 'yes') return confirmPage(c);
    // The feed's items go with it; the desk recounts the clusters they were in.
    await unfollowFeed(deps.desk, feed.id);
    await audit(deps, actor, 'source.unfollow', feed, { title: feed.title, items: feed.itemCount });
    return c.redirect('/admin/sources?done=removed', 303);
  });

  app.post('/sources/import', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const t = c.get('t');
    const body = await c.req.parseBody();
    const file = body.opml;
    if (!(file instanceof File) || file.size === 0)
      return render(c, { importError: t('sources.error.opmlMissing') }, 422);
    if (file.size > MAX_OPML_BYTES)
      return render(c, { importError: opmlError(t, new OpmlTooLarge(file.size, MAX_OPML_BYTES)) }, 413);
    try {
      const report = await importOpml(deps.desk, new Uint8Array(await file.arrayBuffer()));
      const counts = {
        added: report.added.length,
        existing: report.existing.length,
        skipped: report.skipped.length,
      };
      await audit(deps, actor, 'source.import', undefined, { file: file.name.slice(0, 200), ...counts });
      const query = new URLSearchParams({
        done: 'imported',
        ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)])),
      });
      return c.redirect(`/admin/sources?${query}`, 303);
    } catch (error) {
      const message = opmlError(t, error);
      if (message === undefined) throw error;
      return render(c, { importError: message }, error instanceof OpmlTooLarge ? 413 : 422);
    }
  });

  app.get('/sources/export.opml', async (c) => {
    requirePermission(c, PERMISSION);
    const settings = await findSiteSettings(deps.db);
    const siteName = settings?.name[settings.defaultLocale] || 'Code Velocity';
    const document = await exportOpml(deps.desk, siteName);
    const day = deps.now().toISOString().slice(0, 10);
    return c.body(document, 200, {
      'content-type': 'text/x-opml; charset=utf-8',
      'content-disposition': `attachment; filename="sources-${day}.opml"`,
      'cache-control': 'no-store',
    });
  });
}
