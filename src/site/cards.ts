import { mediaHref } from '../media/index.js';
import { authorPath, findBylinePeople, type PublicPerson } from '../people/index.js';
import {
  heroAltFor,
  type Media,
  mediaCredit,
  readerVariant,
  type Story,
  sectionPath,
  sectionSlug,
  storyPath,
  type Variant,
} from '../stories/index.js';
import type { SiteDeps } from './deps.js';
import { formatDate } from './format.js';
import type { ImageView, PersonLinkView, StoryCardView } from './view-models.js';

/** The published variant a reader of `locale` gets, following the site's declared fallbacks. */
export function chooseVariant(
  deps: SiteDeps,
  story: Story,
  locale: string,
): { variant: Variant; isFallback: boolean } | undefined {
  return readerVariant(story, locale, deps.catalog.settings);
}

export function variantPath(deps: SiteDeps, story: Story, variant: Variant): string {
  const section = deps.catalog.section(story.sectionId);
  return storyPath(variant.locale, section ? sectionSlug(section, variant.locale) : 'stories', variant.slug);
}

/**
 * Where a reader of `locale` finds the story: its own variant's URL, or, when it has none, a URL
 * under the reader's locale that shows the fallback variant with a notice.
 */
export function readerPath(deps: SiteDeps, story: Story, locale: string): string | undefined {
  const chosen = chooseVariant(deps, story, locale);
  if (!chosen) return undefined;
  if (!chosen.isFallback) return variantPath(deps, story, chosen.variant);
  const section = deps.catalog.section(story.sectionId);
  return storyPath(locale, section ? sectionSlug(section, locale) : 'stories', chosen.variant.slug);
}

/** `sizes` for an image filling the text column, which tops out near 760 CSS pixels. */
const ARTICLE_IMAGE_SIZES = '(min-width: 820px) 760px, 100vw';

export function imageView(
  media: Media,
  alt: string,
  options: { sizes?: string; altLang?: string; href?: (file: string) => string; credit?: string } = {},
): ImageView {
  const href = options.href ?? ((file: string) => `/media/${file}`);
  const renditions = [...media.renditions].sort((a, b) => a.width - b.width);
  const fallback = renditions.find((r) => r.width >= 800) ?? renditions.at(-1);
  // AVIF is offered only when every width has it, so both sources describe the same set.
  const hasAvif = renditions.length > 0 && renditions.every((r) => r.avif);
  return {
    src: href(fallback?.file ?? media.fileName),
    srcset: renditions.map((r) => `${href(r.file)} ${r.width}w`).join(', '),
    ...(hasAvif
      ? { avifSrcset: renditions.map((r) => `${href(r.avif as string)} ${r.width}w`).join(', ') }
      : {}),
    sizes: options.sizes ?? ARTICLE_IMAGE_SIZES,
    width: media.width,
    height: media.height,
    alt,
    ...(options.altLang ? { altLang: options.altLang } : {}),
    ...(options.credit ? { credit: options.credit } : {}),
  };
}

/**
 * The people credited on the cards of `stories`, read in one query whatever their number; a page
 * that names others too (a story's own byline) passes their ids as `alsoIds` to share the query.
 */
export function cardPeople(
  deps: SiteDeps,
  stories: Story[],
  locale: string,
  alsoIds: number[] = [],
): Promise<Map<number, PublicPerson>> {
  const authorIds = stories.flatMap((story) => chooseVariant(deps, story, locale)?.variant.authorId ?? []);
  return findBylinePeople(deps.db, [...alsoIds, ...authorIds]);
}

function cardAuthor(
  people: Map<number, PublicPerson>,
  authorId: number | null,
  locale: string,
): PersonLinkView | undefined {
  const person = authorId === null ? undefined : people.get(authorId);
  if (!person) return undefined;
  return { name: person.name, ...(person.slug ? { href: authorPath(locale, person.slug) } : {}) };
}

function storyCard(
  deps: SiteDeps,
  story: Story,
  locale: string,
  people: Map<number, PublicPerson>,
): StoryCardView | undefined {
  const chosen = chooseVariant(deps, story, locale);
  const section = deps.catalog.section(story.sectionId);
  if (!chosen || !section) return undefined;
  const { variant } = chosen;
  const media = deps.catalog.media(story.heroMediaId);
  const publishedAt = variant.publishedAt ?? variant.updatedAt;
  const author = cardAuthor(people, variant.authorId, locale);
  return {
    href: readerPath(deps, story, locale) ?? variantPath(deps, story, variant),
    title: variant.title,
    summary: variant.summary,
    lang: variant.locale,
    section: {
      href: sectionPath(locale, sectionSlug(section, locale)),
      label: deps.catalog.pick(section.translations, locale)?.value.name ?? section.key,
    },
    publishedAt,
    publishedLabel: formatDate(publishedAt, locale),
    readingMinutes: variant.readingMinutes,
    ...(author ? { author } : {}),
    ...(media
      ? {
          image: imageView(media, heroAltFor(variant, media), {
            sizes: '(min-width: 820px) 240px, 40vw',
            href: (file) => mediaHref(deps.config, file),
            credit: mediaCredit(media, locale),
            ...(variant.locale === locale ? {} : { altLang: variant.locale }),
          }),
        }
      : {}),
  };
}

/** Cards for `stories`; `people` (cardPeople) names their writers, none when not given. */
export function storyCards(
  deps: SiteDeps,
  stories: Story[],
  locale: string,
  people: Map<number, PublicPerson> = new Map(),
): StoryCardView[] {
  return stories.flatMap((story) => storyCard(deps, story, locale, people) ?? []);
}
