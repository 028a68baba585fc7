import type { Context } from 'hono';
import { DomainError } from '../../platform/errors.js';
import {
  embedsAsLinks,
  type FeedInput,
  htmlLangTag,
  renderAtom,
  renderJsonFeed,
  renderRss,
} from '../../publishing/index.js';
import {
  entityPath,
  findStories,
  listLocaleFeedStories,
  type Story,
  sectionPath,
  sectionSlug,
} from '../../stories/index.js';
import { variantPath } from '../cards.js';
import { absoluteMediaUrl, absoluteUrl, type SiteDeps } from '../deps.js';
import { cachedPage } from '../respond.js';
import { tag } from '../tags.js';
import { requireLocale } from './locale.js';

const FEED_ITEMS = 30;

export type FeedFormat = 'rss' | 'atom' | 'json';

const FORMATS: Record<
  FeedFormat,
  { file: string; contentType: string; render: (feed: FeedInput) => string }
> = {
  rss: { file: 'feed.xml', contentType: 'application/rss+xml; charset=utf-8', render: renderRss },
  atom: { file: 'atom.xml', contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  json: { file: 'feed.json', contentType: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
};

export const FEED_FILES = Object.entries(FORMATS).map(([format, { file }]) => ({
  format: format as FeedFormat,
  file,
}));

interface FeedScope {
  filter?: { sectionId?: number; entityId?: number };
  /** Reads the feed's stories instead of the locale's listing (an author's feed). */
  list?: (limit: number) => Promise<{ storyId: number }[]>;
  /** Path of the HTML page the feed mirrors, ending in `/`. */
  basePath: string;
  htmlPath: string;
  title: string;
  description: string;
  tags: string[];
}

function feedItems(deps: SiteDeps, stories: Story[], locale: string): FeedInput['items'] {
  const { catalog } = deps;
  const siteName = catalog.pick(catalog.settings.name, locale)?.value ?? '';
  return stories.flatMap((story) => {
    const variant = story.variants.find((v) => v.locale === locale && v.status === 'published');
    if (!variant) return [];
    const section = catalog.section(story.sectionId);
    const url = absoluteUrl(deps, variantPath(deps, story, variant));
    const media = catalog.media(story.heroMediaId);
    const largest = media ? [...media.renditions].sort((a, b) => b.width - a.width)[0] : undefined;
    return [
      {
        id: url,
        url,
        title: variant.title,
        summary: variant.summary,
        // Feed readers and mail clients get the plain link: no players, no facade buttons.
        contentHtml: embedsAsLinks(variant.bodyHtml),
        publishedAt: variant.publishedAt ?? variant.updatedAt,
        updatedAt: variant.updatedAt,
        authorName: siteName,
        categories: [
          ...(section ? [catalog.pick(section.translations, locale)?.value.name ?? section.key] : []),
          ...story.entityIds.flatMap((id) => {
            const entity = catalog.entity(id);
            return entity ? [catalog.pick(entity.translations, locale)?.value.name ?? entity.slug] : [];
          }),
        ],
        ...(media
          ? {
              image: {
                url: absoluteMediaUrl(deps, largest?.file ?? media.fileName),
                type: media.mimeType,
                width: largest?.width ?? media.width,
                height: Math.round(((largest?.width ?? media.width) * media.height) / media.width),
              },
            }
          : {}),
        language: htmlLangTag(locale),
      },
    ];
  });
}

export async function serveFeed(
  c: Context,
  deps: SiteDeps,
  locale: string,
  scope: FeedScope,
  format: FeedFormat,
) {
  return cachedPage(c, deps, async () => {
    const listed = scope.list
      ? await scope.list(FEED_ITEMS)
      : await listLocaleFeedStories(deps.db, { ...scope.filter, locale, limit: FEED_ITEMS });
    const stories = await findStories(
      deps.db,
      listed.map((l) => l.storyId),
    );
    const items = feedItems(deps, stories, locale);
    const siteName = deps.catalog.pick(deps.catalog.settings.name, locale)?.value ?? '';
    const feedUrl = (f: FeedFormat) => absoluteUrl(deps, `${scope.basePath}${FORMATS[f].file}`);
    const feed: FeedInput = {
      id: absoluteUrl(deps, scope.htmlPath),
      title: scope.title === siteName ? siteName : `${scope.title} · ${siteName}`,
      description: scope.description,
      language: htmlLangTag(locale),
      siteUrl: absoluteUrl(deps, `/${locale}/`),
      feedUrls: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
      updated: items[0]?.updatedAt ?? deps.now().toISOString(),
      copyright: `© ${siteName}`,
      items,
    };
    return {
      body: FORMATS[format].render(feed),
      contentType: FORMATS[format].contentType,
      tags: [...scope.tags, tag.site, ...stories.map((s) => tag.story(s.id))],
    };
  });
}

export async function siteFeedRoute(c: Context, deps: SiteDeps, format: FeedFormat): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const { catalog } = deps;
  return serveFeed(
    c,
    deps,
    locale,
    {
      filter: {},
      basePath: `/${locale}/`,
      htmlPath: `/${locale}/`,
      title: catalog.pick(catalog.settings.name, locale)?.value ?? '',
      description: catalog.pick(catalog.settings.tagline, locale)?.value ?? '',
      tags: [tag.front],
    },
    format,
  );
}

export async function sectionFeedRoute(c: Context, deps: SiteDeps, format: FeedFormat): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const section = deps.catalog.sectionBySlugIn(locale, c.req.param('section') ?? '');
  if (!section) throw new DomainError('not-found', 'No such section.');
  const localized = deps.catalog.pick(section.translations, locale)?.value;
  const path = sectionPath(locale, sectionSlug(section, locale));
  return serveFeed(
    c,
    deps,
    locale,
    {
      filter: { sectionId: section.id },
      basePath: path,
      htmlPath: path,
      title: localized?.name ?? section.key,
      description: localized?.description ?? '',
      tags: [tag.section(section.id)],
    },
    format,
  );
}

export async function entityFeedRoute(c: Context, deps: SiteDeps, format: FeedFormat): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const entity = deps.catalog.entityBySlugValue(c.req.param('entity') ?? '');
  if (!entity) throw new DomainError('not-found', 'No such topic.');
  const localized = deps.catalog.pick(entity.translations, locale)?.value;
  const path = entityPath(locale, entity.slug);
  return serveFeed(
    c,
    deps,
    locale,
    {
      filter: { entityId: entity.id },
      basePath: `${path}/`,
      htmlPath: path,
      title: localized?.name ?? entity.slug,
      description: localized?.description ?? '',
      tags: [tag.entity(entity.id)],
    },
    format,
  );
}
