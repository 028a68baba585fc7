/**
 * Open Graph and Twitter (X) card `<meta>` tags for link previews, as data for the view.
 * Open Graph tags use `property` (ogp.me), Twitter's use `name` (X's cards markup reference).
 */

export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

export interface SocialMetaInput {
  siteName: string;
  url: string;
  title: string;
  description: string;
  /** Our locale, e.g. `zh`. */
  locale: string;
  /** The other locales the page exists in. */
  alternateLocales: string[];
  image?: { url: string; width: number; height: number; alt: string };
  type: 'article' | 'website';
  /** ISO 8601; articles only. */
  publishedTime?: string;
  modifiedTime?: string;
  section?: string;
  tags?: string[];
}

/**
 * Our locale as Open Graph writes it, `language_TERRITORY` (ogp.me, default `en_US`). A locale
 * without a region takes its likely one from CLDR: `zh` → `zh_CN`, `zh-Hant` → `zh_TW`, `en` → `en_US`.
 */
export function ogLocale(locale: string): string {
  try {
    const likely = new Intl.Locale(locale).maximize();
    return likely.region ? `${likely.language}_${likely.region}` : likely.language;
  } catch {
    return locale.replace(/-/g, '_');
  }
}

const property = (name: string, content: string | number): MetaTag => ({
  property: name,
  content: String(content),
});

/** The page's Open Graph and Twitter card tags, in a stable order; empty values are left out. */
export function socialMeta(input: SocialMetaInput): MetaTag[] {
  const own = ogLocale(input.locale);
  const alternates = [...new Set(input.alternateLocales.map(ogLocale))].filter((tag) => tag !== own);
  const tags: MetaTag[] = [
    property('og:type', input.type),
    property('og:site_name', input.siteName),
    property('og:title', input.title),
    property('og:description', input.description),
    property('og:url', input.url),
    property('og:locale', own),
    ...alternates.map((tag) => property('og:locale:alternate', tag)),
  ];
  if (input.image) {
    tags.push(
      property('og:image', input.image.url),
      property('og:image:width', input.image.width),
      property('og:image:height', input.image.height),
      property('og:image:alt', input.image.alt),
    );
  }
  if (input.type === 'article') {
    tags.push(
      property('article:published_time', input.publishedTime ?? ''),
      property('article:modified_time', input.modifiedTime ?? ''),
      property('article:section', input.section ?? ''),
      ...(input.tags ?? []).map((tag) => property('article:tag', tag)),
    );
  }
  // X reads title, description and image from Open Graph when its own tags are absent, so only
  // the card type (a large image needs summary_large_image) and the image's alt text are repeated.
  tags.push({ name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' });
  if (input.image) tags.push({ name: 'twitter:image:alt', content: input.image.alt });
  return tags.filter((tag) => tag.content.trim() !== '');
}
