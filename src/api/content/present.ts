import type { z } from 'zod';
import { renditionHeight } from '../../media/index.js';
import {
  type Entity,
  entityPath,
  isPublished,
  type Media,
  readerVariant,
  type Section,
  type SiteSettings,
  type Story,
  sectionPath,
  sectionSlug,
  storyPath,
} from '../../stories/index.js';
import type {
  Entity as EntitySchema,
  Image,
  SectionRef,
  Section as SectionSchema,
  StoryDetail,
  StorySummary,
} from './schemas.js';

// Pure: store objects in, Content API objects out. The choices mirror the public site's, so an
// integrator shows the same text and links a reader would see.

/** What presenting needs besides the story: the small, rarely changing part of the content. */
export interface ContentContext {
  siteUrl: string;
  /** A library file's absolute URL: the CDN's when there is one (see absoluteMediaHref). */
  mediaUrl: (file: string) => string;
  settings: SiteSettings;
  sections: Section[];
  entities: Entity[];
  media: Media[];
}

/** A localized value: the locale, its declared fallbacks, the default locale, then any. */
export function pickTranslation<T>(
  translations: Record<string, T>,
  locale: string,
  settings: SiteSettings,
): T | undefined {
  for (const candidate of [locale, ...(settings.fallbacks[locale] ?? []), settings.defaultLocale]) {
    const value = translations[candidate];
    if (value !== undefined) return value;
  }
  return Object.values(translations)[0];
}

/**
 * Makes the root-relative links and images of stored HTML absolute (`href="/zh/…"` →
 * `href="https://site/zh/…"`), since an integrator shows the HTML on another origin.
 * Protocol-relative (`//host`) and absolute URLs are left alone.
 */
export function absolutizeHtml(html: string, siteUrl: string): string {
  // Only inside tags: stored HTML escapes the quotes of text, but a tag's own attributes are quoted.
  return html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${siteUrl}/`));
}

function sectionRef(ctx: ContentContext, section: Section, locale: string): z.infer<typeof SectionRef> {
  const slug = sectionSlug(section, locale);
  return {
    key: section.key,
    name: pickTranslation(section.translations, locale, ctx.settings)?.name ?? section.key,
    slug,
    url: `${ctx.siteUrl}${sectionPath(locale, slug)}`,
  };
}

export function presentSection(
  ctx: ContentContext,
  section: Section,
  locale: string,
): z.infer<typeof SectionSchema> {
  return {
    ...sectionRef(ctx, section, locale),
    description: pickTranslation(section.translations, locale, ctx.settings)?.description ?? '',
    position: section.position,
  };
}

export function presentEntity(
  ctx: ContentContext,
  entity: Entity,
  locale: string,
  storyCount: number,
): z.infer<typeof EntitySchema> {
  const text = pickTranslation(entity.translations, locale, ctx.settings);
  return {
    slug: entity.slug,
    kind: entity.kind,
    name: text?.name ?? entity.slug,
    url: `${ctx.siteUrl}${entityPath(locale, entity.slug)}`,
    aliases: text?.aliases ?? [],
    description: text?.description ?? '',
    storyCount,
  };
}

function image(ctx: ContentContext, story: Story, alt: string): z.infer<typeof Image> | null {
  const media = ctx.media.find((m) => m.id === story.heroMediaId);
  if (!media) return null;
  const url = ctx.mediaUrl;
  const renditions = [...media.renditions]
    .sort((a, b) => a.width - b.width)
    .map((r) => ({ url: url(r.file), width: r.width, height: renditionHeight(media, r) }));
  // The same default file the site's <img src> uses: the first at least 800 pixels wide. Its own
  // size goes with it, so a client laying out `url` at `width`×`height` gets the file's pixels.
  const main = renditions.find((r) => r.width >= 800) ??
    renditions.at(-1) ?? { url: url(media.fileName), width: media.width, height: media.height };
  return {
    ...main,
    alt,
    credit: media.credit,
    renditions,
  };
}

/**
 * A story as a reader of `locale` finds it, or undefined when nothing of it is published. A
 * fallback variant is linked under the reader's locale, as the site serves it (with a notice).
 */
export function presentSummary(
  ctx: ContentContext,
  story: Story,
  locale: string,
): z.infer<typeof StorySummary> | undefined {
  const chosen = readerVariant(story, locale, ctx.settings);
  const section = ctx.sections.find((s) => s.id === story.sectionId);
  if (!chosen || !section) return undefined;
  const { variant, isFallback } = chosen;
  const pathLocale = isFallback ? locale : variant.locale;
  return {
    id: story.id,
    locale: variant.locale,
    requestedLocale: locale,
    isFallback,
    title: variant.title,
    slug: variant.slug,
    summary: variant.summary,
    url: `${ctx.siteUrl}${storyPath(pathLocale, sectionSlug(section, pathLocale), variant.slug)}`,
    section: sectionRef(ctx, section, locale),
    entities: story.entityIds.flatMap((id) => {
      const entity = ctx.entities.find((e) => e.id === id);
      if (!entity) return [];
      const { slug, kind, name, url } = presentEntity(ctx, entity, locale, 0);
      return [{ slug, kind, name, url }];
    }),
    publishedAt: variant.publishedAt ?? variant.updatedAt,
    updatedAt: variant.updatedAt,
    readingMinutes: variant.readingMinutes,
    image: image(ctx, story, variant.heroAlt),
  };
}

/** The whole story: summary fields plus body (HTML and Markdown), FAQ, sources, translations. */
export function presentDetail(
  ctx: ContentContext,
  story: Story,
  locale: string,
): z.infer<typeof StoryDetail> | undefined {
  const summary = presentSummary(ctx, story, locale);
  const variant = story.variants.find((v) => v.locale === summary?.locale);
  const section = ctx.sections.find((s) => s.id === story.sectionId);
  if (!summary || !variant || !section) return undefined;
  return {
    ...summary,
    bodyHtml: absolutizeHtml(variant.bodyHtml, ctx.siteUrl),
    bodyMarkdown: variant.bodyMarkdown,
    faq: variant.faq.map((item, index) => ({
      question: item.question,
      answerMarkdown: item.answer,
      answerHtml: absolutizeHtml(variant.faqAnswersHtml[index] ?? '', ctx.siteUrl),
    })),
    sources: story.sources.map((s) => ({
      url: s.url,
      publisher: s.publisher,
      author: s.author,
      publishedAt: s.publishedAt,
    })),
    translations: story.variants.filter(isPublished).map((v) => ({
      locale: v.locale,
      url: `${ctx.siteUrl}${storyPath(v.locale, sectionSlug(section, v.locale), v.slug)}`,
    })),
  };
}
