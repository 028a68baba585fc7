import type { EntityFields, SectionFields } from '../editorial/index.js';
import type { Locale } from '../platform/locale.js';
import type { Entity, Section } from '../stories/index.js';
import { type FormBody, field } from './forms.js';

// The section and entity forms: a parsed body to the fields editorial checks, and a saved record
// back to fields. The rules themselves are editorial's (taxonomy-rules.ts).

export { RESERVED_SECTION_SLUGS } from '../editorial/index.js';

export type SectionFormValues = SectionFields;
export type EntityFormValues = EntityFields;

export function sectionFormValues(body: FormBody, locales: Locale[]): SectionFormValues {
  return {
    key: field(body, 'key'),
    position: field(body, 'position'),
    translations: Object.fromEntries(
      locales.map((l) => [
        l,
        {
          name: field(body, `name.${l}`),
          slug: field(body, `slug.${l}`),
          description: field(body, `description.${l}`),
        },
      ]),
    ),
  };
}

export function sectionToFormValues(section: Section, locales: Locale[]): SectionFormValues {
  return {
    key: section.key,
    position: String(section.position),
    translations: Object.fromEntries(
      locales.map((l) => {
        const t = section.translations[l];
        return [l, { name: t?.name ?? '', slug: t?.slug ?? '', description: t?.description ?? '' }];
      }),
    ),
  };
}

export function entityFormValues(body: FormBody, locales: Locale[]): EntityFormValues {
  return {
    slug: field(body, 'slug'),
    kind: field(body, 'kind'),
    translations: Object.fromEntries(
      locales.map((l) => [
        l,
        {
          name: field(body, `name.${l}`),
          aliases: field(body, `aliases.${l}`),
          description: field(body, `description.${l}`),
        },
      ]),
    ),
  };
}

export function entityToFormValues(entity: Entity, locales: Locale[]): EntityFormValues {
  return {
    slug: entity.slug,
    kind: entity.kind,
    translations: Object.fromEntries(
      locales.map((l) => {
        const t = entity.translations[l];
        return [
          l,
          { name: t?.name ?? '', aliases: (t?.aliases ?? []).join('\n'), description: t?.description ?? '' },
        ];
      }),
    ),
  };
}

/**
 * Does the entity match what was typed in the search box? Case and width are ignored (NFKC, so a
 * full-width `ＮＶＩＤＩＡ` finds Nvidia), over the slug and every locale's name and aliases.
 */
export function matchesEntitySearch(entity: Entity, query: string): boolean {
  const needle = query.normalize('NFKC').trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [
    entity.slug,
    ...Object.values(entity.translations).flatMap((t) => [t.name, ...t.aliases]),
  ];
  return haystack.some((value) => value.normalize('NFKC').toLowerCase().includes(needle));
}
