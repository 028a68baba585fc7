import type { Context } from 'hono';
import { mediaHref } from '../../media/index.js';
import { authorPath, findBylinePeople, type PublicPerson } from '../../people/index.js';
import { DomainError } from '../../platform/errors.js';
import { displayLanguageName } from '../../platform/i18n.js';
import {
  breadcrumbListJsonLd,
  faqPageJsonLd,
  markdownToPlainText,
  newsArticleJsonLd,
  socialMeta,
} from '../../publishing/index.js';
import {
  entityPath,
  findRedirect,
  findShareCount,
  findStory,
  findStoryIdBySlug,
  heroAltFor,
  isPublished,
  listRelatedStoryIds,
  type Media,
  mediaCredit,
  type Story,
  sectionPath,
  sectionSlug,
  storyPath,
  type Variant,
} from '../../stories/index.js';
import { cardPeople, chooseVariant, imageView, readerPath, storyCards, variantPath } from '../cards.js';
import { buildChrome } from '../chrome.js';
import { absoluteMediaUrl, absoluteUrl, type SiteDeps } from '../deps.js';
import { formatDate } from '../format.js';
import { movedTo } from '../redirect.js';
import { cachedPage, HTML } from '../respond.js';
import { shareLinks } from '../share-links.js';
import { tag } from '../tags.js';
import type { StoryPageData } from '../view-models.js';
import { renderStoryPage } from '../views/story-page.js';
import { requireLocale } from './locale.js';
import { shareEndpoint } from './share.js';

const RELATED_STORIES = 4;

async function findRequestedStory(deps: SiteDeps, locale: string, slug: string): Promise<Story | undefined> {
  const own = await findStoryIdBySlug(deps.db, locale, slug);
  if (own !== undefined) return findStory(deps.db, own);
  // A story without a variant in this locale is still reachable here under its other slug,
  // shown through the fallback rule.
  for (const other of deps.catalog.settings.locales.filter((l) => l !== locale)) {
    const id = await findStoryIdBySlug(deps.db, other, slug);
    if (id !== undefined) return findStory(deps.db, id);
  }
  return undefined;
}

/**
 * A story page. The cache is asked first, by path alone: every lookup (slug, redirects, status)
 * runs only on a miss, so a hit costs no query. A page is stored only when it is the story's own
 * address; redirects, 404 and 410 are answered fresh each time, and the page's tags (its story,
 * section, entities, related stories) drop it when any of them changes.
 */
export async function storyRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const sectionParam = c.req.param('section') ?? '';
  const slug = c.req.param('slug') ?? '';
  return cachedPage(c, deps, async () => {
    const story = await publishedStoryAt(c, deps, { locale, sectionParam, slug });
    if (story instanceof Response) return story;
    const chosen = chooseVariant(deps, story, locale) as { variant: Variant; isFallback: boolean };
    const [relatedIds, shareCount] = await Promise.all([
      listRelatedStoryIds(deps.db, story, RELATED_STORIES, deps.catalog.storiesByEntity),
      findShareCount(deps.db, story.id),
    ]);
    const related = await deps.cards.get(relatedIds);
    // The story's byline and the related cards' writers are read together, in one query.
    const people = await cardPeople(deps, related, locale, bylineIds(chosen.variant));
    const data = storyPageData(deps, {
      story,
      locale,
      variant: chosen.variant,
      isFallback: chosen.isFallback,
      related,
      shareCount,
      people,
    });
    return {
      body: renderStoryPage(data),
      contentType: HTML,
      headers: { 'content-language': data.chrome.htmlLang },
      tags: [
        tag.story(story.id),
        tag.shares(story.id),
        tag.section(story.sectionId),
        tag.site,
        ...story.entityIds.map(tag.entity),
        ...relatedIds.map(tag.story),
      ],
    };
  });
}

/**
 * The story whose page this address is, or the answer when it is not one: a redirect to where the
 * story lives now (old slug, other section, other locale's slug), or a thrown 404 or 410.
 */
async function publishedStoryAt(
  c: Context,
  deps: SiteDeps,
  address: { locale: string; sectionParam: string; slug: string },
): Promise<Story | Response> {
  const { locale, sectionParam, slug } = address;
  const story = await findRequestedStory(deps, locale, slug);
  if (!story) {
    const movedId = await findRedirect(deps.db, locale, slug);
    const moved = movedId === undefined ? undefined : await findStory(deps.db, movedId);
    const target = moved && readerPath(deps, moved, locale);
    if (moved && target) return movedTo(c, deps, target, moved.id);
    throw new DomainError('not-found', `No story at ${c.req.path}`);
  }
  const own = story.variants.find((v) => v.locale === locale);
  if (own && !isPublished(own)) {
    const wasPublished = own.status === 'unpublished';
    const elsewhere = story.variants.some(isPublished);
    if (wasPublished || (own.publishedAt && !elsewhere))
      throw new DomainError('gone', 'This story was withdrawn.');
    if (!elsewhere) throw new DomainError('not-found', `No story at ${c.req.path}`);
  }
  const target = readerPath(deps, story, locale);
  if (!target) {
    if (story.variants.some((v) => v.status === 'unpublished'))
      throw new DomainError('gone', 'This story was withdrawn.');
    throw new DomainError('not-found', `No story at ${c.req.path}`);
  }
  if (target !== storyPath(locale, sectionParam, slug)) return movedTo(c, deps, target, story.id);
  return story;
}

interface StoryPageInput {
  story: Story;
  locale: string;
  variant: Variant;
  isFallback: boolean;
  related: Story[];
  shareCount: number;
  /**
   * The people the variant and the related cards credit (findBylinePeople); none: the organisation
   * signs the story and the cards name no one.
   */
  people?: Map<number, PublicPerson>;
}

function bylineIds(variant: Variant): number[] {
  return [variant.authorId, variant.translatorId].filter((id): id is number => id !== null);
}

/** The people a variant's byline names, read for its page. */
export function bylinePeople(deps: SiteDeps, variant: Variant): Promise<Map<number, PublicPerson>> {
  return findBylinePeople(deps.db, bylineIds(variant));
}

function credited(people: Map<number, PublicPerson> | undefined, userId: number | null, locale: string) {
  const person = userId === null ? undefined : people?.get(userId);
  if (!person) return undefined;
  return { name: person.name, ...(person.slug ? { href: authorPath(locale, person.slug) } : {}) };
}

export function storyPageData(deps: SiteDeps, input: StoryPageInput): StoryPageData {
  const { story, locale, variant, isFallback } = input;
  const { catalog } = deps;
  const section = catalog.section(story.sectionId);
  const sectionName = section ? (catalog.pick(section.translations, locale)?.value.name ?? section.key) : '';
  const sectionHref = section ? sectionPath(locale, sectionSlug(section, locale)) : `/${locale}/`;
  const canonicalPath = variantPath(deps, story, variant);
  const canonicalUrl = absoluteUrl(deps, canonicalPath);
  const published = story.variants.filter(isPublished);
  const alternates = published.map((v) => ({ locale: v.locale, path: variantPath(deps, story, v) }));
  const media = catalog.media(story.heroMediaId);
  const hero = media
    ? imageView(media, heroAltFor(variant, media), {
        href: (file) => mediaHref(deps.config, file),
        credit: mediaCredit(media, locale),
        ...(isFallback ? { altLang: variant.locale } : {}),
      })
    : undefined;
  const entities = story.entityIds.flatMap((id) => {
    const entity = catalog.entity(id);
    if (!entity) return [];
    const name = catalog.pick(entity.translations, locale)?.value.name ?? entity.slug;
    return [{ href: entityPath(locale, entity.slug), label: name, kind: entity.kind }];
  });
  const siteName = catalog.pick(catalog.settings.name, locale)?.value ?? '';
  const publishedAt = variant.publishedAt ?? variant.updatedAt;
  const author = credited(input.people, variant.authorId, locale);
  const translator = credited(input.people, variant.translatorId, locale);
  const personRef = (view: { name: string; href?: string }) => ({
    name: view.name,
    ...(view.href ? { url: absoluteUrl(deps, view.href) } : {}),
  });
  const chrome = buildChrome(deps, {
    locale,
    title: variant.title,
    description: variant.summary,
    canonicalPath,
    alternates,
    currentSectionId: story.sectionId,
    meta: [],
    jsonLd: [],
  });
  const breadcrumbs = [
    { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
    { href: sectionHref, label: sectionName },
  ];
  // Link previews and structured data get the largest rendition, with that file's own size (the
  // <img> fallback src is a mid-size one, which must not be announced with the original's size).
  const image = media ? largestImage(deps, media) : undefined;
  chrome.meta = socialMeta({
    siteName,
    url: canonicalUrl,
    title: variant.title,
    description: variant.summary,
    locale: variant.locale,
    alternateLocales: published.map((v) => v.locale).filter((l) => l !== variant.locale),
    ...(image ? { image: { ...image, alt: heroAltFor(variant, media) } } : {}),
    type: 'article',
    publishedTime: publishedAt,
    modifiedTime: variant.updatedAt,
    section: sectionName,
    tags: entities.map((e) => e.label),
  });
  const faqJsonLd = faqPageJsonLd(
    canonicalUrl,
    variant.locale,
    variant.faq.map((item) => ({ question: item.question, answerText: markdownToPlainText(item.answer) })),
  );
  chrome.jsonLd = [
    newsArticleJsonLd({
      url: canonicalUrl,
      headline: variant.title,
      description: variant.summary,
      inLanguage: variant.locale,
      datePublished: publishedAt,
      dateModified: variant.updatedAt,
      ...(image ? { image: [image] } : {}),
      authorName: siteName,
      ...(author
        ? {
            people: {
              authors: [personRef(author)],
              translators: translator ? [personRef(translator)] : [],
            },
          }
        : {}),
      publisher: {
        name: siteName,
        url: absoluteUrl(deps, '/'),
        logoUrl: absoluteUrl(deps, deps.assets.logo.path),
      },
      section: sectionName,
      about: story.entityIds.flatMap((id) => {
        const entity = catalog.entity(id);
        if (!entity) return [];
        const name = catalog.pick(entity.translations, locale)?.value.name ?? entity.slug;
        return [{ name, url: absoluteUrl(deps, entityPath(locale, entity.slug)), kind: entity.kind }];
      }),
    }),
    ...(faqJsonLd ? [faqJsonLd] : []),
    breadcrumbListJsonLd([
      ...breadcrumbs.map((b) => ({ name: b.label, url: absoluteUrl(deps, b.href) })),
      { name: variant.title, url: canonicalUrl },
    ]),
  ];
  const { t } = chrome;
  return {
    chrome,
    story: {
      id: story.id,
      lang: variant.locale,
      title: variant.title,
      summary: variant.summary,
      section: { href: sectionHref, label: sectionName },
      publishedAt,
      publishedLabel: formatDate(publishedAt, locale),
      updatedAt: variant.updatedAt,
      ...(variant.updatedAt > publishedAt ? { updatedLabel: formatDate(variant.updatedAt, locale) } : {}),
      readingMinutes: variant.readingMinutes,
      entities,
      sources: story.sources.map((s) => ({
        url: s.url,
        publisher: s.publisher,
        author: s.author,
        ...(s.publishedAt ? { publishedLabel: formatDate(s.publishedAt, locale) } : {}),
      })),
      ...(hero ? { hero } : {}),
      bodyHtml: variant.bodyHtml,
      faq: variant.faq.map((item, index) => ({
        question: item.question,
        questionLang: variant.faqQuestionLangs[index],
        answerHtml: variant.faqAnswersHtml[index] ?? '',
      })),
      canonicalUrl,
      byline: { ...(author ? { author } : {}), ...(translator ? { translator } : {}) },
    },
    share: {
      count: input.shareCount,
      endpoint: shareEndpoint(story.id),
      links: shareLinks(canonicalUrl, variant.title, t),
      url: canonicalUrl,
    },
    ...(isFallback
      ? {
          fallbackNotice: t('story.fallbackNotice', {
            requested: displayLanguageName(locale, locale),
            shown: displayLanguageName(variant.locale, locale),
          }),
        }
      : {}),
    breadcrumbs,
    related: storyCards(deps, input.related, locale, input.people),
  };
}

/** The largest rendition of an image as an absolute URL, with its own width and height. */
function largestImage(deps: SiteDeps, media: Media): { url: string; width: number; height: number } {
  const largest = [...media.renditions].sort((a, b) => b.width - a.width)[0];
  const width = largest?.width ?? media.width;
  return {
    url: absoluteMediaUrl(deps, largest?.file ?? media.fileName),
    width,
    height: Math.round((width * media.height) / media.width),
  };
}
