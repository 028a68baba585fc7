import type { Context } from 'hono';
import { authorPath, listPublicPeople } from '../../people/index.js';
import { DomainError } from '../../platform/errors.js';
import {
  hreflangLinks,
  NEWS_WINDOW_MS,
  type NewsSitemapEntry,
  recentNewsEntries,
  renderNewsSitemap,
  renderRobotsTxt,
  renderSitemapIndex,
  renderUrlSet,
} from '../../publishing/index.js';
import {
  countStoriesPerEntity,
  entityPath,
  listPublishedVariantRefs,
  sectionPath,
  sectionSlug,
  storyPath,
} from '../../stories/index.js';
import { absoluteUrl, type SiteDeps } from '../deps.js';
import { cachedPage } from '../respond.js';
import { tag } from '../tags.js';
import { KIND_HUBS } from './lists.js';

const XML = 'application/xml; charset=utf-8';

/** The stories the news sitemap lists now, each named by the site in its own locale. */
async function newsEntries(deps: SiteDeps): Promise<NewsSitemapEntry[]> {
  const now = deps.now();
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  const refs = await listPublishedVariantRefs(deps.db, { since });
  const { catalog } = deps;
  return recentNewsEntries(
    refs.map((ref) => {
      const section = catalog.section(ref.sectionId);
      return {
        url: absoluteUrl(
          deps,
          storyPath(ref.locale, section ? sectionSlug(section, ref.locale) : 'stories', ref.slug),
        ),
        title: ref.title,
        language: ref.locale,
        publishedAt: ref.publishedAt,
        publicationName: catalog.pick(catalog.settings.name, ref.locale)?.value ?? '',
      };
    }),
    now,
  );
}

export async function sitemapIndexRoute(c: Context, deps: SiteDeps): Promise<Response> {
  return cachedPage(
    c,
    deps,
    async () => {
      const [refs, news] = await Promise.all([
        listPublishedVariantRefs(deps.db, { limit: 1 }),
        newsEntries(deps),
      ]);
      const newest = refs[0]?.updatedAt;
      const lastModified = newest ? { lastModified: newest } : {};
      return {
        body: renderSitemapIndex([
          ...deps.catalog.settings.locales.map((locale) => ({
            url: absoluteUrl(deps, `/sitemaps/${locale}.xml`),
            ...lastModified,
          })),
          // No story in the last two days: no news sitemap (an empty urlset is invalid), so none listed.
          ...(news.length > 0 ? [{ url: absoluteUrl(deps, '/sitemaps/news.xml'), ...lastModified }] : []),
        ]),
        contentType: XML,
        tags: [tag.sitemap, tag.site],
      };
    },
    // Not stored: whether the news sitemap exists changes with the clock, not only with writes.
    { store: false },
  );
}

export async function localeSitemapRoute(c: Context, deps: SiteDeps, locale: string): Promise<Response> {
  if (!deps.catalog.isEnabledLocale(locale)) throw new DomainError('not-found', 'No such sitemap.');
  return cachedPage(c, deps, async () => {
    const { catalog } = deps;
    const locales = catalog.settings.locales;
    const alternatesOf = (path: (l: string) => string, inLocales = locales) =>
      hreflangLinks(
        inLocales.map((l) => ({ locale: l, url: absoluteUrl(deps, path(l)) })),
        catalog.settings.defaultLocale,
      );
    const page = (path: (l: string) => string, lastModified?: string) => ({
      url: absoluteUrl(deps, path(locale)),
      alternates: alternatesOf(path),
      ...(lastModified ? { lastModified } : {}),
    });
    const [refs, counts, people] = await Promise.all([
      listPublishedVariantRefs(deps.db),
      countStoriesPerEntity(deps.db),
      listPublicPeople(deps.db),
    ]);
    const byStory = new Map<number, typeof refs>();
    for (const ref of refs) byStory.set(ref.storyId, [...(byStory.get(ref.storyId) ?? []), ref]);
    const refPath = (ref: (typeof refs)[number]) => {
      const section = catalog.section(ref.sectionId);
      return storyPath(ref.locale, section ? sectionSlug(section, ref.locale) : 'stories', ref.slug);
    };
    const stories = refs
      .filter((ref) => ref.locale === locale)
      .map((ref) => {
        const variants = byStory.get(ref.storyId) ?? [ref];
        return {
          url: absoluteUrl(deps, refPath(ref)),
          lastModified: ref.updatedAt,
          alternates: hreflangLinks(
            variants.map((v) => ({ locale: v.locale, url: absoluteUrl(deps, refPath(v)) })),
            catalog.settings.defaultLocale,
          ),
        };
      });
    const entries = [
      page((l) => `/${l}/`, refs[0]?.updatedAt),
      ...catalog.sections.map((s) => page((l) => sectionPath(l, sectionSlug(s, l)))),
      page((l) => `/${l}/topics/`),
      ...Object.keys(KIND_HUBS).map((segment) => page((l) => `/${l}/${segment}`)),
      ...catalog.entities
        .filter((e) => (counts.get(e.id) ?? 0) > 0)
        .map((e) => page((l) => entityPath(l, e.slug))),
      ...people.map((person) => page((l) => authorPath(l, person.slug))),
      ...stories,
    ];
    return { body: renderUrlSet(entries), contentType: XML, tags: [tag.sitemap, tag.site] };
  });
}

export async function newsSitemapRoute(c: Context, deps: SiteDeps): Promise<Response> {
  return cachedPage(
    c,
    deps,
    async () => {
      const body = renderNewsSitemap(await newsEntries(deps), { now: deps.now() });
      // Nothing published in the last two days: a 404 rather than an invalid empty urlset.
      if (body === undefined) throw new DomainError('not-found', 'No story of the last two days.');
      return { body, contentType: XML, tags: [tag.sitemap, tag.site] };
      // Not stored: its two-day window moves with the clock, not with writes.
    },
    { store: false },
  );
}

export function robotsRoute(c: Context, deps: SiteDeps): Response {
  const body = renderRobotsTxt({
    siteUrl: deps.config.siteUrl,
    sitemapUrl: absoluteUrl(deps, '/sitemap.xml'),
    disallow: ['/admin/', '/api/', '/share/'],
  });
  return c.text(body, 200, { 'cache-control': 'public, max-age=3600' });
}
