import type { Context, Hono } from 'hono';
import { type Actor, recordAudit } from '../../accounts/index.js';
import { type Cluster, type ClusterSource, claimClusterForStory } from '../../desk/index.js';
import { createStory, InvalidInput } from '../../editorial/index.js';
import { inTransaction } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import { languageName } from '../../platform/i18n.js';
import {
  type Entity,
  findSiteSettings,
  findStory,
  listEntities,
  listSections,
  SlugTaken,
} from '../../stories/index.js';
import { newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import { translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { type StartStoryForm, StartStoryPage } from '../views/desk-start.js';
import { clusterCard, entityNames, findClusterOrThrow, mainLanguage, safeHref } from './desk-data.js';
import { readStartStory } from './desk-forms.js';
import { sectionLabel } from './story-editor-data.js';

type C = Context<NewsroomEnv>;

const ID = '/desk/:id{[0-9]+}';
// SourceSchema's limits (src/editorial/schema.ts).
const MAX_SOURCES = 50;
const MAX_SOURCE_TEXT = 200;

/**
 * The cluster's items as the story's original sources: the most original first, then the others
 * in the order they were published; items without a web address cannot be cited and are left out.
 */
function storySources(cluster: Cluster) {
  const original = cluster.sources.find((s) => s.itemId === cluster.originalItemId);
  const ordered = [...(original ? [original] : []), ...cluster.sources.filter((s) => s !== original)];
  const seen = new Set<string>();
  return ordered
    .flatMap((s: ClusterSource) => {
      const url = safeHref(s.url);
      if (!url || url.length > 2_000 || seen.has(url)) return [];
      seen.add(url);
      return [
        {
          url,
          publisher: s.publisher.slice(0, MAX_SOURCE_TEXT),
          author: s.author.slice(0, MAX_SOURCE_TEXT),
          publishedAt: s.publishedAt,
        },
      ];
    })
    .slice(0, MAX_SOURCES);
}

/** Rolls back a story created for a cluster another request started first. */
class ClusterAlreadyStarted extends Error {}

function entitySlugs(cluster: Cluster, entities: Entity[]): string[] {
  return cluster.entityIds.flatMap((id) => entities.find((e) => e.id === id)?.slug ?? []);
}

/** "Start a story" from a cluster: a draft with its sources and entities, never its text. */
export function deskStartRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const permitted = (c: C): Actor => {
    requirePermission(c, { action: 'desk.view' });
    return requirePermission(c, { action: 'story.create' });
  };

  /** The story already started from this cluster, if it still exists. */
  const startedStory = async (cluster: Cluster): Promise<number | undefined> => {
    if (cluster.state !== 'started' || cluster.storyId === null) return undefined;
    return (await findStory(deps.db, cluster.storyId)) ? cluster.storyId : undefined;
  };

  const render = async (
    c: C,
    cluster: Cluster,
    form: StartStoryForm | undefined,
    errors: Record<string, string> = {},
    status: 200 | 422 = 200,
    formError?: string,
  ) => {
    const t = c.get('t');
    const [settings, sections, entities] = await Promise.all([
      findSiteSettings(deps.db),
      listSections(deps.db),
      listEntities(deps.db),
    ]);
    const locales = settings?.locales ?? [];
    const language = mainLanguage(cluster);
    const card = clusterCard(t, cluster, newsroomZone(settings));
    const chrome = adminChrome(c, deps, t('desk.start.heading'));
    const sources = storySources(cluster);
    const cited = new Set(sources.map((s) => s.url));
    const view = {
      t,
      csrfToken: chrome.csrfToken,
      action: `/admin/desk/${cluster.id}/start`,
      clusterHref: card.href,
      clusterTitle: cluster.title,
      clusterLang: card.lang,
      form: form ?? {
        locale: language && locales.includes(language) ? language : (settings?.defaultLocale ?? ''),
        section: '',
        title: cluster.title.slice(0, 300),
      },
      errors,
      ...(formError ? { formError } : {}),
      locales: locales.map((l) => ({ value: l, label: languageName(l) })),
      sections: sections.map((s) => ({ value: s.key, label: sectionLabel(s, t.locale) })),
      sources: card.sources
        .filter((s) => s.href && cited.has(s.href))
        .sort((a, b) => Number(b.original) - Number(a.original)),
      entities: entityNames(cluster.entityIds, entities, t.locale),
    };
    return renderAdmin(c, chrome, <StartStoryPage view={view} />, status);
  };

  app.get(`${ID}/start`, async (c) => {
    permitted(c);
    const cluster = await findClusterOrThrow(deps, idParam(c));
    const storyId = await startedStory(cluster);
    if (storyId !== undefined) return c.redirect(`/admin/stories/${storyId}`, 303);
    return render(c, cluster, undefined);
  });

  app.post(`${ID}/start`, async (c) => {
    const actor = permitted(c);
    const t = c.get('t');
    const id = idParam(c);
    const { values, parsed } = readStartStory(await c.req.parseBody());
    {
      const cluster = await findClusterOrThrow(deps, id);
      const existing = await startedStory(cluster);
      if (existing !== undefined) return c.redirect(`/admin/stories/${existing}`, 303);
      const [settings, sections, entities] = await Promise.all([
        findSiteSettings(deps.db),
        listSections(deps.db),
        listEntities(deps.db),
      ]);
      const errors = parsed.ok ? {} : translateErrors(parsed.errors, t);
      if (parsed.ok && !(settings?.locales ?? []).includes(parsed.value.locale))
        errors.locale = t('desk.error.invalid');
      if (parsed.ok && !sections.some((s) => s.key === parsed.value.section))
        errors.section = t('desk.error.invalid');
      if (!parsed.ok || Object.keys(errors).length > 0) return render(c, cluster, values, errors, 422);
      const now = deps.now();
      try {
        // The story, the cluster's claim and the audit entry commit together: editorial owns the
        // story, the desk its cluster, and neither may import the other.
        const created = await inTransaction(deps.db, async (trx) => {
          const story = await createStory(
            trx,
            actor,
            {
              section: parsed.value.section,
              sourceLocale: parsed.value.locale,
              // A title to start from and an empty body: the writer writes; the sources' text stays theirs.
              variant: { title: parsed.value.title, body: '' },
              entities: entitySlugs(cluster, entities),
              sources: storySources(cluster),
            },
            { now },
          );
          if (!(await claimClusterForStory(trx, cluster.id, story.storyId, now)))
            throw new ClusterAlreadyStarted();
          await recordAudit(
            trx,
            {
              actor,
              action: 'cluster.start',
              subject: { kind: 'cluster', id: cluster.id },
              summary: cluster.title,
              details: { storyId: story.storyId, locale: story.locale },
            },
            now,
          );
          return story;
        }).catch(async (error: unknown) => {
          if (!(error instanceof ClusterAlreadyStarted)) throw error;
          return undefined;
        });
        if (!created) {
          // Another process started a story from this cluster first: theirs is the story.
          const winner = await startedStory((await findClusterOrThrow(deps, id)) as Cluster);
          return c.redirect(winner === undefined ? `/admin/desk/${id}` : `/admin/stories/${winner}`, 303);
        }
        return c.redirect(`/admin/stories/${created.storyId}/${created.locale}?notice=created`, 303);
      } catch (error) {
        if (error instanceof SlugTaken)
          return render(c, cluster, values, { title: t('desk.error.slugTaken') }, 422);
        if (error instanceof InvalidInput || (error instanceof DomainError && error.kind === 'invalid'))
          return render(c, cluster, values, {}, 422, t('desk.error.invalidInput', { detail: error.message }));
        throw error;
      }
    }
  });
}
