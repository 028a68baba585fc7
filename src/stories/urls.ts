import type { Locale } from '../platform/locale.js';
import type { Section } from './model.js';

// One place spells the public URL scheme, because stored HTML (resolved `story:` links) uses it too.

export function sectionSlug(section: Section, locale: Locale): string {
  return section.translations[locale]?.slug ?? section.key;
}

export function storyPath(locale: Locale, sectionSlugValue: string, slug: string): string {
  return `/${locale}/${encodeURIComponent(sectionSlugValue)}/${encodeURIComponent(slug)}`;
}

export function sectionPath(locale: Locale, sectionSlugValue: string): string {
  return `/${locale}/${encodeURIComponent(sectionSlugValue)}/`;
}

export function entityPath(locale: Locale, entitySlug: string): string {
  return `/${locale}/topics/${encodeURIComponent(entitySlug)}`;
}
