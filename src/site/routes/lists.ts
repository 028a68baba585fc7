import type { Context } from 'hono';
import type { EntityKind } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import type { QueryParameter } from '../../platform/page-key.js';
import { breadcrumbListJsonLd } from '../../publishing/index.js';
import {
  countPublishedStories,
  countStoriesPerEntity,
  entityPath,
  type ListingFilter,
  listPublishedStories,
  sectionPath,
  sectionSlug,
} from '../../stories/index.js';
import { storyCards } from '../cards.js';
import { buildChrome, feedLinksFor } from '../chrome.js';
import { absoluteUrl, type SiteDeps } from '../deps.js';
import { cachedPage, HTML, type RenderedResponse } from '../respond.js';
import { tag } from '../tags.js';
import type { LinkView, Pagination } from '../view-models.js';
import { renderEntityHub } from '../views/entity-hub.js';
import { renderFrontPage } from '../views/front-page.js';
import { renderKindHub } from '../views/kind-hub.js';
import { renderSectionPage } from '../views/section-page.js';
import { requireLocale, requirePage } from './locale.js';

const PAGE_SIZE = 12;
const FRONT_LATEST = 7;
const FRONT_PER_SECTION = 4;

/** The plural path segment of each kind hub, such as /en/gpus. */
export const KIND_HUBS: Record<string, EntityKind> = {
  companies: 'company',
  products: 'product',
  models: 'model',
  gpus: 'gpu',
  people: 'person',
};

const everyLocale = (deps: SiteDeps, path: (locale: string) => string) =>
  deps.catalog.settings.locales.map((locale) => ({ locale, path: path(locale) }));

async function loadPage(deps: SiteDeps, filter: Omit<ListingFilter, 'limit' | 'offset'>, page: number) {
  const [listed, total] = await Promise.all([
    listPublishedStories(deps.db, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countPublishedStories(deps.db, filter),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > totalPages) throw new DomainError('not-found', 'No such page.');
  const stories = await deps.cards.get(listed.map((l) => l.storyId));
  return { stories, totalPages };
}

function pagination(basePath: string, page: number, totalPages: number): Pagination {
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`);
  return {
    page,
    totalPages,
    ...(page > 1 ? { previousHref: href(page - 1) } : {}),
    ...(page < totalPages ? { nextHref: href(page + 1) } : {}),
  };
}

const pageSuffix = (page: number) => (page > 1 ? `?page=${page}` : '');

/** The one query parameter lists read (`requirePage`); page 1 is the list's bare address. */
const LIST_QUERY: readonly QueryParameter[] = [{ name: 'page', default: '1' }];
const cachedList = (c: Context, deps: SiteDeps, render: () => Promise<RenderedResponse>) =>
  cachedPage(c, deps, render, { query: LIST_QUERY });

export async function frontRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  return cachedPage(c, deps, async () => {
    const { catalog } = deps;
    const latestIds = (await listPublishedStories(deps.db, { limit: FRONT_LATEST, offset: 0 })).map(
      (l) => l.storyId,
    );
    const bySection = await Promise.all(
      catalog.sections.map(async (section) => ({
        section,
        ids: (
          await listPublishedStories(deps.db, { sectionId: section.id, limit: FRONT_PER_SECTION, offset: 0 })
        ).map((l) => l.storyId),
      })),
    );
    const allIds = [...new Set([...latestIds, ...bySection.flatMap((s) => s.ids)])];
    const stories = new Map((await deps.cards.get(allIds)).map((s) => [s.id, s]));
    const pick = (ids: number[]) => ids.flatMap((id) => stories.get(id) ?? []);
    const siteName = catalog.pick(catalog.settings.name, locale)?.value ?? '';
    const tagline = catalog.pick(catalog.settings.tagline, locale)?.value ?? '';
    const chrome = buildChrome(deps, {
      locale,
      title: siteName,
      description: tagline,
      canonicalPath: `/${locale}/`,
      alternates: everyLocale(deps, (l) => `/${l}/`),
    });
    const body = renderFrontPage({
      chrome,
      latest: storyCards(deps, pick(latestIds), locale),
      sections: bySection
        .filter((s) => s.ids.length > 0)
        .map(({ section, ids }) => ({
          section: {
            href: sectionPath(locale, sectionSlug(section, locale)),
            label: catalog.pick(section.translations, locale)?.value.name ?? section.key,
          },
          stories: storyCards(deps, pick(ids), locale),
        })),
    });
    return {
      body,
      contentType: HTML,
      headers: { 'content-language': chrome.htmlLang },
      tags: [tag.front, tag.site, ...allIds.map(tag.story)],
    };
  });
}

export async function sectionRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const section = deps.catalog.sectionBySlugIn(locale, c.req.param('section') ?? '');
  if (!section) throw new DomainError('not-found', 'No such section.');
  const page = requirePage(c.req.query('page'));
  return cachedList(c, deps, async () => {
    const { stories, totalPages } = await loadPage(deps, { sectionId: section.id }, page);
    const localized = deps.catalog.pick(section.translations, locale)?.value;
    const name = localized?.name ?? section.key;
    const basePath = sectionPath(locale, sectionSlug(section, locale));
    const chrome = buildChrome(deps, {
      locale,
      title: page > 1 ? `${name} (${page})` : name,
      description: localized?.description ?? '',
      canonicalPath: `${basePath}${pageSuffix(page)}`,
      alternates: everyLocale(deps, (l) => `${sectionPath(l, sectionSlug(section, l))}${pageSuffix(page)}`),
      currentSectionId: section.id,
      feeds: feedLinksFor(basePath, name),
    });
    const breadcrumbs: LinkView[] = [
      { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
      { href: basePath, label: name },
    ];
    chrome.jsonLd = [
      breadcrumbListJsonLd(breadcrumbs.map((b) => ({ name: b.label, url: absoluteUrl(deps, b.href) }))),
    ];
    return {
      body: renderSectionPage({
        chrome,
        section: { name, description: localized?.description ?? '' },
        breadcrumbs,
        stories: storyCards(deps, stories, locale),
        pagination: pagination(basePath, page, totalPages),
      }),
      contentType: HTML,
      headers: { 'content-language': chrome.htmlLang },
      tags: [tag.section(section.id), tag.site, ...stories.map((s) => tag.story(s.id))],
    };
  });
}

export async function entityRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const entity = deps.catalog.entityBySlugValue(c.req.param('entity') ?? '');
  if (!entity) throw new DomainError('not-found', 'No such topic.');
  const page = requirePage(c.req.query('page'));
  return cachedList(c, deps, async () => {
    const { stories, totalPages } = await loadPage(deps, { entityId: entity.id }, page);
    const picked = deps.catalog.pick(entity.translations, locale);
    const name = picked?.value.name ?? entity.slug;
    const basePath = entityPath(locale, entity.slug);
    const chrome = buildChrome(deps, {
      locale,
      title: page > 1 ? `${name} (${page})` : name,
      description: picked?.value.description ?? '',
      canonicalPath: `${basePath}${pageSuffix(page)}`,
      alternates: everyLocale(deps, (l) => `${entityPath(l, entity.slug)}${pageSuffix(page)}`),
      feeds: feedLinksFor(`${basePath}/`, name),
    });
    const breadcrumbs: LinkView[] = [
      { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
      { href: `/${locale}/topics/`, label: chrome.t('hub.allTopics') },
      { href: basePath, label: name },
    ];
    chrome.jsonLd = [
      breadcrumbListJsonLd(breadcrumbs.map((b) => ({ name: b.label, url: absoluteUrl(deps, b.href) }))),
    ];
    return {
      body: renderEntityHub({
        chrome,
        entity: {
          name,
          kindLabel: chrome.t(`entityKind.${entity.kind}`),
          description: picked?.value.description ?? '',
          aliases: picked?.value.aliases ?? [],
          lang: picked?.locale ?? locale,
        },
        breadcrumbs,
        stories: storyCards(deps, stories, locale),
        pagination: pagination(basePath, page, totalPages),
      }),
      contentType: HTML,
      headers: { 'content-language': chrome.htmlLang },
      tags: [tag.entity(entity.id), tag.site, ...stories.map((s) => tag.story(s.id))],
    };
  });
}

/** `/{locale}/gpus` and the like; `/{locale}/topics/` lists every entity of every kind. */
export async function kindHubRoute(c: Context, deps: SiteDeps, segment: string): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const kind = KIND_HUBS[segment];
  return cachedPage(c, deps, async () => {
    const { catalog } = deps;
    const entities = catalog.entities.filter((e) => kind === undefined || e.kind === kind);
    const counts = await countStoriesPerEntity(deps.db);
    const listed = kind
      ? await listPublishedStories(deps.db, { entityKind: kind, limit: PAGE_SIZE, offset: 0 })
      : [];
    const stories = await deps.cards.get(listed.map((l) => l.storyId));
    const path = (l: string) => (kind ? `/${l}/${segment}` : `/${l}/topics/`);
    const chrome = buildChrome(deps, {
      locale,
      title: '',
      description: '',
      canonicalPath: path(locale),
      alternates: everyLocale(deps, path),
    });
    const heading = chrome.t(kind ? `hub.kind.${kind}` : 'hub.allTopics');
    chrome.title = `${heading} · ${chrome.siteName}`;
    chrome.description = heading;
    const breadcrumbs: LinkView[] = [
      { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
      { href: path(locale), label: heading },
    ];
    chrome.jsonLd = [
      breadcrumbListJsonLd(breadcrumbs.map((b) => ({ name: b.label, url: absoluteUrl(deps, b.href) }))),
    ];
    return {
      body: renderKindHub({
        chrome,
        heading,
        breadcrumbs,
        entities: entities
          .map((entity) => {
            const picked = catalog.pick(entity.translations, locale)?.value;
            return {
              href: entityPath(locale, entity.slug),
              label: picked?.name ?? entity.slug,
              description: picked?.description ?? '',
              storyCount: counts.get(entity.id) ?? 0,
            };
          })
          .filter((e) => e.storyCount > 0)
          .sort((a, b) => b.storyCount - a.storyCount || a.label.localeCompare(b.label, locale)),
        stories: storyCards(deps, stories, locale),
      }),
      contentType: HTML,
      headers: { 'content-language': chrome.htmlLang },
      tags: [kind ? tag.kind(kind) : tag.front, tag.site, ...stories.map((s) => tag.story(s.id))],
    };
  });
}
