import { variantFallback } from '../publishing/index.js';
import { isPublished, type Story, type Variant } from './model.js';
import type { SiteSettings } from './types.js';

/**
 * The published variant a reader of `locale` gets, following the site's declared fallbacks
 * (publishing/variantFallback): the same answer for the site, its feeds and the Content API.
 */
export function readerVariant(
  story: Story,
  locale: string,
  settings: Pick<SiteSettings, 'defaultLocale' | 'fallbacks'>,
): { variant: Variant; isFallback: boolean } | undefined {
  const published = story.variants.filter(isPublished);
  const choice = variantFallback({
    requested: locale,
    available: published.map((v) => v.locale),
    sourceLocale: story.sourceLocale,
    defaultLocale: settings.defaultLocale,
    fallbacks: settings.fallbacks,
  });
  const variant = choice && published.find((v) => v.locale === choice.locale);
  return variant && choice ? { variant, isFallback: choice.isFallback } : undefined;
}
