import { createTranslator, displayLanguageName } from '../../platform/i18n.js';
import { isCjkLocale } from '../../platform/locale.js';
import {
  type Entity,
  heroAltFor,
  type Media,
  readerVariant,
  type Section,
  type SiteSettings,
  type Story,
  sectionSlug,
  storyPath,
} from '../../stories/index.js';
import type { Topic } from '../queries.js';

// What both parts of a digest show, resolved to strings and absolute URLs: the renderers only
// lay it out, so the HTML and the plain text cannot disagree about what the digest says.

export interface DigestImageView {
  src: string;
  alt: string;
  /** CSS pixels the image is shown at, at most the text column. */
  width: number;
  height: number;
}

export interface DigestStoryView {
  id: number;
  url: string;
  title: string;
  summary: string;
  sectionName: string;
  readingTime: string;
  /** Set when the story is shown in another language than the digest's (its BCP 47 tag). */
  fallbackLang?: string;
  /** "(in English)", in the digest's language. */
  fallbackNote?: string;
  image?: DigestImageView;
}

export interface DigestView {
  locale: string;
  languageTag: string;
  isCjk: boolean;
  subject: string;
  siteName: string;
  siteUrl: string;
  frontPageUrl: string;
  heading: string;
  period: string;
  storyCount: string;
  stories: DigestStoryView[];
  more?: { label: string; url: string };
  why: string;
  topics: string;
  preferencesLabel: string;
  unsubscribeLabel: string;
}

export interface DigestViewInput {
  /** A locale the site has (already resolved from the subscriber's). */
  locale: string;
  frequency: 'daily' | 'weekly';
  topics: Topic[];
  since: string;
  until: string;
  settings: SiteSettings;
  sections: Section[];
  entities: Entity[];
  /** Newest first, already capped. */
  stories: Story[];
  /** Stories of the period beyond the cap. */
  moreCount: number;
  media: Map<number, Media>;
  /** A library file's absolute URL (emails are read away from the site). */
  mediaUrl: (file: string) => string;
  siteUrl: string;
  siteName: string;
  languageTag: (locale: string) => string;
}

/** The column an image fills: the 600 px email body less 24 px padding each side. */
const CONTENT_WIDTH_PX = 552;

// Renditions are chosen at twice the column so images stay sharp on high-density phone screens.
const IMAGE_TARGET_WIDTH_PX = CONTENT_WIDTH_PX * 2;

/** A localized value by the site's declared fallbacks: the locale, its fallbacks, the default, any. */
function pickTranslation<T>(
  translations: Record<string, T>,
  locale: string,
  settings: Pick<SiteSettings, 'defaultLocale' | 'fallbacks'>,
): T | undefined {
  for (const candidate of [locale, ...(settings.fallbacks[locale] ?? []), settings.defaultLocale]) {
    const value = translations[candidate];
    if (value !== undefined) return value;
  }
  return Object.values(translations)[0];
}

function emailImage(media: Media, alt: string, mediaUrl: (file: string) => string): DigestImageView {
  const renditions = [...media.renditions].sort((a, b) => a.width - b.width);
  const rendition = renditions.find((r) => r.width >= IMAGE_TARGET_WIDTH_PX) ?? renditions.at(-1);
  const fileWidth = rendition?.width ?? media.width;
  const width = Math.min(CONTENT_WIDTH_PX, fileWidth);
  return {
    // JPEG where there is one: Outlook on Windows and some webmail show no WebP.
    src: mediaUrl(rendition?.jpeg ?? rendition?.file ?? media.fileName),
    alt,
    width,
    height: Math.round((width * media.height) / media.width),
  };
}

/**
 * The period as readers say it: one date for a daily digest, "start – end" for a weekly one. Both
 * ends are written in full through a message, because ICU's own ranges turn Chinese long dates
 * into numeric ones (2026/11/23 – 2026/11/29).
 */
function formatPeriod(since: string, until: string, locale: string, languageTag: string): string {
  const format = new Intl.DateTimeFormat(languageTag, { dateStyle: 'long', timeZone: 'UTC' });
  const start = format.format(new Date(since));
  // `until` is exclusive: the period's last day is the one just before it.
  const end = format.format(new Date(new Date(until).getTime() - 1));
  return start === end
    ? start
    : createTranslator(locale)('newsletterMail.digest.periodRange', { start, end });
}

function topicNames(input: DigestViewInput): string[] {
  return input.topics.flatMap((topic) => {
    if (topic.kind === 'section') {
      const section = input.sections.find((s) => s.key === topic.key);
      return section
        ? [pickTranslation(section.translations, input.locale, input.settings)?.name ?? topic.key]
        : [];
    }
    const entity = input.entities.find((e) => e.slug === topic.key);
    return entity
      ? [pickTranslation(entity.translations, input.locale, input.settings)?.name ?? topic.key]
      : [];
  });
}

function storyView(input: DigestViewInput, story: Story): DigestStoryView | undefined {
  const { locale, settings, siteUrl } = input;
  const chosen = readerVariant(story, locale, settings);
  const section = input.sections.find((s) => s.id === story.sectionId);
  if (!chosen || !section) return undefined;
  const { variant, isFallback } = chosen;
  const t = createTranslator(locale);
  // As on the site: a reader without their own variant gets a URL under their locale that shows
  // the fallback with a notice, so the site's language stays the reader's.
  const pathLocale = isFallback ? locale : variant.locale;
  const media = story.heroMediaId === null ? undefined : input.media.get(story.heroMediaId);
  return {
    id: story.id,
    url: siteUrl + storyPath(pathLocale, sectionSlug(section, pathLocale), variant.slug),
    title: variant.title,
    summary: variant.summary,
    sectionName: pickTranslation(section.translations, locale, settings)?.name ?? section.key,
    readingTime: t('newsletterMail.digest.readingTime', { minutes: variant.readingMinutes }),
    ...(isFallback
      ? {
          fallbackLang: input.languageTag(variant.locale),
          fallbackNote: t('newsletterMail.digest.inLanguage', {
            language: displayLanguageName(variant.locale, input.languageTag(locale)),
          }),
        }
      : {}),
    ...(media ? { image: emailImage(media, heroAltFor(variant, media), input.mediaUrl) } : {}),
  };
}

export function buildDigestView(input: DigestViewInput): DigestView {
  const { locale, frequency, siteName: site } = input;
  const t = createTranslator(locale);
  const languageTag = input.languageTag(locale);
  const period = formatPeriod(input.since, input.until, locale, languageTag);
  const stories = input.stories.flatMap((story) => storyView(input, story) ?? []);
  const frontPageUrl = `${input.siteUrl}/${locale}/`;
  const names = topicNames(input);
  return {
    locale,
    languageTag,
    isCjk: isCjkLocale(locale),
    subject: t('newsletterMail.digest.subject', { site, frequency, period }),
    siteName: site,
    siteUrl: input.siteUrl,
    frontPageUrl,
    heading: t('newsletterMail.digest.heading', { frequency }),
    period,
    storyCount: t('newsletterMail.digest.storyCount', { count: stories.length + input.moreCount }),
    stories,
    ...(input.moreCount > 0
      ? {
          more: {
            label: t('newsletterMail.digest.more', { count: input.moreCount, site }),
            url: frontPageUrl,
          },
        }
      : {}),
    why: t('newsletterMail.digest.why', { site, frequency }),
    topics:
      names.length > 0
        ? t('newsletterMail.digest.topics', {
            topics: new Intl.ListFormat(languageTag, { type: 'conjunction' }).format(names),
          })
        : t('newsletterMail.digest.allStories'),
    preferencesLabel: t('newsletterMail.preferences'),
    unsubscribeLabel: t('newsletterMail.unsubscribe'),
  };
}
