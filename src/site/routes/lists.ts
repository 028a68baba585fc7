import type { Context } from 'hono';
import type { EntityKind } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import { pageKey, type QueryParameter } from '../../platform/page-key.js';
import { breadcrumbListJsonLd } from '../../publishing/index.js';
import {
  countStoriesPerEntity,
  entityPath,
  type ListedStory,
  type ListingCursor,
  type ListingFilter,
  listPublishedStories,
  sectionPath,
  sectionSlug,
} from '../../stories/index.js';
import { cardPeople, storyCards } from '../cards.js';
import { buildChrome, feedLinksFor } from '../chrome.js';
import { absoluteUrl, type SiteDeps } from '../deps.js';
import { formatDate } from '../format.js';
import { cachedPage, HTML, type RenderedResponse } from '../respond.js';
import { tag } from '../tags.js';
import type { LinkView, Pagination } from '../view-models.js';
import { renderEntityHub } from '../views/entity-hub.js';
import { renderFrontPage } from '../views/front-page.js';
import { renderKindHub } from '../views/kind-hub.js';
import { renderSectionPage } from '../views/section-page.js';
import { formatListCursor, LIST_CURSOR_PATTERN, parseListCursor } from './list-cursor.js';
import { requireLocale, requirePage } from './locale.js';

const PAGE_SIZE = 12;

const withStart = (pagination: Pagination, locale: string, before: ListingCursor | undefined): Pagination =>
  before ? { ...pagination, startsBefore: formatDate(before.firstPublishedAt, locale) } : pagination;
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

type ListFilter = Pick<ListingFilter, 'sectionId' | 'entityId'>;

/**
 * One page of a list: the first (`before` unset) or the one after a cursor. One story more than a
 * page is read to know whether an older page exists; for the newer page's link, the stories just
 * above this page are read upwards, so both links are cursors too. A cursor past the end is a 404,
 * as a page number past the last page was.
 */
async function loadPage(deps: SiteDeps, filter: ListFilter, basePath: string, before?: ListingCursor) {
  const rows = await listPublishedStories(deps.db, {
    ...filter,
    limit: PAGE_SIZE + 1,
    ...(before ? { before } : {}),
  });
  const listed = rows.slice(0, PAGE_SIZE);
  const first = listed[0];
  if (before && !first) throw new DomainError('not-found', 'No such page.');
  const last = listed[listed.length - 1];
  const href = (cursor: ListingCursor) => `${basePath}?before=${formatListCursor(cursor)}`;
  let previousHref: string | undefined;
  if (before && first) {
    const newer = await listPublishedStories(deps.db, {
      ...filter,
      limit: PAGE_SIZE + 1,
      after: cursorOf(first),
    });
    const start = newer[PAGE_SIZE];
    previousHref = start ? href(cursorOf(start)) : basePath;
  }
  const pagination: Pagination = {
    ...(previousHref ? { previousHref } : {}),
    ...(rows.length > PAGE_SIZE && last ? { nextHref: href(cursorOf(last)) } : {}),
  };
  const stories = await deps.cards.get(listed.map((l) => l.storyId));
  return { stories, pagination };
}

const cursorOf = (listed: ListedStory): ListingCursor => ({
  firstPublishedAt: listed.firstPublishedAt,
  storyId: listed.storyId,
});

/** `?before=<cursor>`, parsed; a malformed one is a 404, as a malformed page number is. */
function requireCursor(value: string | undefined): ListingCursor | undefined {
  if (value === undefined) return undefined;
  const cursor = parseListCursor(value);
  if (!cursor) throw new DomainError('not-found', 'No such page.');
  return cursor;
}

/**
 * Lists were numbered (`?page=3`) before they paged by cursor. Such a link is sent to the page
 * that now starts where page 3 does, with a 302: which stories a number means changes with every
 * publication. Reading up to it costs an offset scan of the index, paid only by old links.
 */
async function legacyPageRedirect(c: Context, deps: SiteDeps, filter: ListFilter, basePath: string) {
  const page = requirePage(c.req.query('page'));
  if (c.req.query('before') !== undefined) throw new DomainError('not-found', 'No such page.');
  if (page === 1) return c.redirect(basePath, 302);
  const [end, next] = await listPublishedStories(deps.db, {
    ...filter,
    limit: 2,
    offset: (page - 1) * PAGE_SIZE - 1,
  });
  if (!end || !next) throw new DomainError('not-found', 'No such page.');
  return c.redirect(`${basePath}?before=${formatListCursor(cursorOf(end))}`, 302);
}

/** The parameters lists read: the cursor, and the page number of older links (answered with a redirect). */
const LIST_QUERY: readonly QueryParameter[] = [
  { name: 'before', pattern: LIST_CURSOR_PATTERN },
  { name: 'page', pattern: /^[1-9]\d{0,5}$/ },
];
/** `?page=N` and nothing else the list ignores (stray parameters are redirected away first). */
function isNumberedPage(c: Context): boolean {
  const url = new URL(c.req.url);
  return (
    c.req.query('page') !== undefined &&
    pageKey(`${url.pathname}${url.search}`, LIST_QUERY).kind !== 'redirect'
  );
}

const cachedList = (c: Context, deps: SiteDeps, render: () => Promise<RenderedResponse>) =>
  cachedPage(c, deps, render, { query: LIST_QUERY });

/** A page after the first names its start in the title, so no two pages of a list share one. */
function listTitle(name: string, locale: string, before: ListingCursor | undefined): string {
  return before ? `${name} (${formatDate(before.firstPublishedAt, locale)})` : name;
}

const cursorSuffix = (c: Context) => {
  const before = c.req.query('before');
  return before === undefined ? '' : `?before=${before}`;
};

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
        ids: (await listPublishedStories(deps.db, { sectionId: section.id, limit: FRONT_PER_SECTION })).map(
          (l) => l.storyId,
        ),
      })),
    );
    const allIds = [...new Set([...latestIds, ...bySection.flatMap((s) => s.ids)])];
    const stories = new Map((await deps.cards.get(allIds)).map((s) => [s.id, s]));
    const pick = (ids: number[]) => ids.flatMap((id) => stories.get(id) ?? []);
    const people = await cardPeople(deps, [...stories.values()], locale);
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
      latest: storyCards(deps, pick(latestIds), locale, people),
      sections: bySection
        .filter((s) => s.ids.length > 0)
        .map(({ section, ids }) => ({
          section: {
            href: sectionPath(locale, sectionSlug(section, locale)),
            label: catalog.pick(section.translations, locale)?.value.name ?? section.key,
          },
          stories: storyCards(deps, pick(ids), locale, people),
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
  const filter = { sectionId: section.id };
  const basePath = sectionPath(locale, sectionSlug(section, locale));
  if (isNumberedPage(c)) return legacyPageRedirect(c, deps, filter, basePath);
  const before = requireCursor(c.req.query('before'));
  return cachedList(c, deps, async () => {
    const { stories, pagination } = await loadPage(deps, filter, basePath, before);
    const localized = deps.catalog.pick(section.translations, locale)?.value;
    const name = localized?.name ?? section.key;
    const suffix = cursorSuffix(c);
    const chrome = buildChrome(deps, {
      locale,
      title: listTitle(name, locale, before),
      description: localized?.description ?? '',
      canonicalPath: `${basePath}${suffix}`,
      alternates: everyLocale(deps, (l) => `${sectionPath(l, sectionSlug(section, l))}${suffix}`),
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
        stories: storyCards(deps, stories, locale, await cardPeople(deps, stories, locale)),
        pagination: withStart(pagination, locale, before),
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
  const filter = { entityId: entity.id };
  const basePath = entityPath(locale, entity.slug);
  if (isNumberedPage(c)) return legacyPageRedirect(c, deps, filter, basePath);
  const before = requireCursor(c.req.query('before'));
  return cachedList(c, deps, async () => {
    const { stories, pagination } = await loadPage(deps, filter, basePath, before);
    const picked = deps.catalog.pick(entity.translations, locale);
    const name = picked?.value.name ?? entity.slug;
    const suffix = cursorSuffix(c);
    const chrome = buildChrome(deps, {
      locale,
      title: listTitle(name, locale, before),
      description: picked?.value.description ?? '',
      canonicalPath: `${basePath}${suffix}`,
      alternates: everyLocale(deps, (l) => `${entityPath(l, entity.slug)}${suffix}`),
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
        stories: storyCards(deps, stories, locale, await cardPeople(deps, stories, locale)),
        pagination: withStart(pagination, locale, before),
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
    const listed = kind ? await listPublishedStories(deps.db, { entityKind: kind, limit: PAGE_SIZE }) : [];
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
        stories: storyCards(deps, stories, locale, await cardPeople(deps, stories, locale)),
      }),
      contentType: HTML,
      headers: { 'content-language': chrome.htmlLang },
      tags: [kind ? tag.kind(kind) : tag.front, tag.site, ...stories.map((s) => tag.story(s.id))],
    };
  });
}
