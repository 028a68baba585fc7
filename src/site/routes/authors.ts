import type { Context } from 'hono';
import { mediaHref } from '../../media/index.js';
import {
  type AuthorCursor,
  authorPath,
  findPublicPersonBySlug,
  listAuthorStories,
  type PublicPerson,
} from '../../people/index.js';
import { DomainError } from '../../platform/errors.js';
import { breadcrumbListJsonLd, htmlLangTag } from '../../publishing/index.js';
import { cardPeople, imageView, storyCards } from '../cards.js';
import { buildChrome, feedLinksFor } from '../chrome.js';
import { absoluteUrl, type SiteDeps } from '../deps.js';
import { formatDate } from '../format.js';
import { cachedPage, HTML } from '../respond.js';
import { tag } from '../tags.js';
import type { LinkView, Pagination } from '../view-models.js';
import { renderAuthorPage } from '../views/author-page.js';
import { type FeedFormat, serveFeed } from './feeds.js';
import { formatListCursor, LIST_CURSOR_PATTERN, parseListCursor } from './list-cursor.js';
import { requireLocale } from './locale.js';

const PAGE_SIZE = 12;
const AVATAR_SIZES = '(min-width: 40em) 10rem, 6rem';

/** The person at the address, or a 404: unknown, private and disabled people have no page. */
async function requirePerson(deps: SiteDeps, slug: string | undefined): Promise<PublicPerson> {
  const person =
    slug && /^[a-z0-9-]{1,60}$/.test(slug) ? await findPublicPersonBySlug(deps.db, slug) : undefined;
  if (!person) throw new DomainError('not-found', 'No such author.');
  return person;
}

/** The bio in the page's language, else in the site's fallback order, else any; with its language. */
function pickBio(
  deps: SiteDeps,
  person: PublicPerson,
  locale: string,
): { bio: string; locale: string | undefined } {
  const picked = deps.catalog.pick(person.bios, locale);
  if (picked) return { bio: picked.value, locale: picked.locale };
  const [other] = Object.entries(person.bios);
  return other ? { bio: other[1], locale: other[0] } : { bio: '', locale: undefined };
}

function requireCursor(value: string | undefined): AuthorCursor | undefined {
  if (value === undefined) return undefined;
  const cursor = parseListCursor(value);
  if (!cursor) throw new DomainError('not-found', 'No such page.');
  return cursor;
}

/** `/{locale}/authors/{slug}`: who they are and what they wrote or translated in this language. */
export async function authorRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const person = await requirePerson(deps, c.req.param('slug'));
  const slug = person.slug as string;
  const before = requireCursor(c.req.query('before'));
  return cachedPage(
    c,
    deps,
    async () => {
      const basePath = authorPath(locale, slug);
      const rows = await listAuthorStories(deps.db, {
        userId: person.id,
        locale,
        limit: PAGE_SIZE + 1,
        ...(before ? { before } : {}),
      });
      const listed = rows.slice(0, PAGE_SIZE);
      const first = listed[0];
      const last = listed[listed.length - 1];
      if (before && !first) throw new DomainError('not-found', 'No such page.');
      const href = (cursor: AuthorCursor) => `${basePath}?before=${formatListCursor(cursor)}`;
      const asCursor = (row: { storyId: number; firstPublishedAt: string }) => ({
        storyId: row.storyId,
        firstPublishedAt: row.firstPublishedAt,
      });
      let previousHref: string | undefined;
      if (before && first) {
        const newer = await listAuthorStories(deps.db, {
          userId: person.id,
          locale,
          limit: PAGE_SIZE + 1,
          after: asCursor(first),
        });
        const start = newer[PAGE_SIZE];
        previousHref = start ? href(asCursor(start)) : basePath;
      }
      const pagination: Pagination = {
        ...(previousHref ? { previousHref } : {}),
        ...(rows.length > PAGE_SIZE && last ? { nextHref: href(asCursor(last)) } : {}),
        ...(before ? { startsBefore: formatDate(before.firstPublishedAt, locale) } : {}),
      };
      const stories = await deps.cards.get(listed.map((l) => l.storyId));
      const bio = pickBio(deps, person, locale);
      const suffix = before ? `?before=${c.req.query('before')}` : '';
      const chrome = buildChrome(deps, {
        locale,
        title: before ? `${person.name} (${formatDate(before.firstPublishedAt, locale)})` : person.name,
        description: bio.bio.slice(0, 300),
        canonicalPath: `${basePath}${suffix}`,
        alternates: deps.catalog.settings.locales.map((l) => ({
          locale: l,
          path: `${authorPath(l, slug)}${suffix}`,
        })),
        feeds: feedLinksFor(`${basePath}/`, person.name),
      });
      const breadcrumbs: LinkView[] = [
        { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
        { href: basePath, label: person.name },
      ];
      const media = deps.catalog.media(person.avatarMediaId);
      chrome.jsonLd = [
        {
          '@context': 'https://schema.org',
          '@type': 'ProfilePage',
          url: absoluteUrl(deps, basePath),
          inLanguage: htmlLangTag(locale),
          mainEntity: {
            '@type': 'Person',
            name: person.name,
            url: absoluteUrl(deps, basePath),
            ...(bio.bio ? { description: bio.bio } : {}),
          },
        },
        breadcrumbListJsonLd(breadcrumbs.map((b) => ({ name: b.label, url: absoluteUrl(deps, b.href) }))),
      ];
      return {
        body: renderAuthorPage({
          chrome,
          person: {
            name: person.name,
            bio: bio.bio,
            bioLang: bio.locale ? htmlLangTag(bio.locale) : undefined,
            ...(media
              ? {
                  avatar: imageView(media, chrome.t('author.avatarAlt', { name: person.name }), {
                    sizes: AVATAR_SIZES,
                    href: (file) => mediaHref(deps.config, file),
                  }),
                }
              : {}),
          },
          breadcrumbs,
          stories: storyCards(deps, stories, locale, await cardPeople(deps, stories, locale)),
          pagination,
        }),
        contentType: HTML,
        headers: { 'content-language': chrome.htmlLang },
        // `front`: every publication may be theirs, as it may be on the front page.
        tags: [tag.author(person.id), tag.front, tag.site, ...stories.map((s) => tag.story(s.id))],
      };
    },
    { query: [{ name: 'before', pattern: LIST_CURSOR_PATTERN }] },
  );
}

/** `/{locale}/authors/{slug}/feed.xml` and the other formats, as a section's feeds are named. */
export async function authorFeedRoute(c: Context, deps: SiteDeps, format: FeedFormat): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const person = await requirePerson(deps, c.req.param('slug'));
  const path = authorPath(locale, person.slug as string);
  const bio = pickBio(deps, person, locale);
  return serveFeed(
    c,
    deps,
    locale,
    {
      list: (limit) => listAuthorStories(deps.db, { userId: person.id, locale, limit }),
      basePath: `${path}/`,
      htmlPath: path,
      title: person.name,
      description: bio.bio.slice(0, 300),
      tags: [tag.author(person.id), tag.front],
    },
    format,
  );
}
