import { z } from 'zod';
import type { EntityKind } from '../platform/database/index.js';
import type { Locale } from '../platform/locale.js';
import { type Entity, type EntityInput, type Section, type SectionInput, slugify } from '../stories/index.js';
import { ALWAYS, checkFields, type FieldsResult, requiredText, splitList, text } from './fields.js';

// The rules of sections and entities as pure functions: what a person typed and what the store
// already holds in, a checked SectionInput / EntityInput or messages per field out. The use cases
// in taxonomy.ts run them inside their transaction; the admin's forms show their messages.

export const ENTITY_KINDS: readonly EntityKind[] = ['company', 'product', 'model', 'gpu', 'person', 'topic'];

// Path segments the public site uses under /{locale}/ for its own pages (src/site/routes.ts:
// the topic hubs and KIND_HUBS); a section with one of these slugs could never be reached.
export const RESERVED_SECTION_SLUGS = ['topics', 'companies', 'products', 'models', 'gpus', 'people'];

/** A stable key such as `ai-models`: lower-case ASCII words joined by single hyphens. */
const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MAX = { key: 60, name: 120, slug: 80, description: 1000, alias: 120, aliases: 50 } as const;

/** A slug is well formed when the slug rule leaves it as it is (lower case, letters and digits, `-`). */
function isWellFormedSlug(slug: string, locale: Locale): boolean {
  return slug.length > 0 && slugify(slug, locale) === slug;
}

export interface TaxonomyContext {
  /** Locales the form offers (the site's enabled ones, plus any the record already has). */
  locales: Locale[];
  /** Its name is required: every page needs a label in the site's default language. */
  defaultLocale: Locale;
}

/** The locales a form shows for a record: the site's, then any extra the record has. */
export function formLocales(siteLocales: Locale[], recordLocales: Locale[]): Locale[] {
  return [...new Set([...siteLocales, ...recordLocales])];
}

/** A section as typed: text per field, names, slugs and descriptions per locale. */
export interface SectionFields {
  key: string;
  position: string;
  translations: Record<Locale, { name: string; slug: string; description: string }>;
}

const Position = z.coerce
  .number('taxonomy.error.position')
  .int('taxonomy.error.position')
  .min(0, 'taxonomy.error.position')
  .max(100_000, 'taxonomy.error.position');

/**
 * Checks a section as typed. A locale whose three fields are all empty is left out; a slug left empty
 * is made from the name. `editing` is the section being edited (its key cannot change: stories
 * and the navigation refer to it).
 */
export function checkSection(
  values: SectionFields,
  context: TaxonomyContext & { sections: Section[]; editing?: Section },
): FieldsResult<SectionInput> {
  const { editing } = context;
  const locales = context.locales;
  const flat: Record<string, string> = {
    key: editing ? editing.key : values.key,
    position:
      values.position.trim() === '' ? String(nextPosition(context.sections, editing)) : values.position,
  };
  const shape: Record<string, z.ZodType> = {
    key: requiredText(MAX.key).regex(KEY_PATTERN, 'taxonomy.error.key'),
    position: Position,
  };
  for (const l of locales) {
    const t = values.translations[l] ?? { name: '', slug: '', description: '' };
    flat[`name.${l}`] = t.name;
    flat[`slug.${l}`] = t.slug.trim() === '' && t.name.trim() !== '' ? slugify(t.name, l) : t.slug;
    flat[`description.${l}`] = t.description;
    shape[`name.${l}`] = text(MAX.name);
    shape[`slug.${l}`] = text(MAX.slug);
    shape[`description.${l}`] = text(MAX.description);
  }
  const schema = z
    .object(shape)
    .superRefine((input, ctx) => {
      const get = (name: string) => String(input[name] ?? '');
      if (!editing && context.sections.some((s) => s.key === get('key'))) {
        ctx.addIssue({ code: 'custom', path: ['key'], message: 'taxonomy.error.keyTaken' });
      }
      for (const l of locales) {
        const [name, slug, description] = [get(`name.${l}`), get(`slug.${l}`), get(`description.${l}`)];
        const used = name !== '' || slug !== '' || description !== '';
        if ((used || l === context.defaultLocale) && name === '') {
          ctx.addIssue({ code: 'custom', path: [`name.${l}`], message: 'settings.error.required' });
        }
        if (!used) continue;
        if (!isWellFormedSlug(slug, l)) {
          ctx.addIssue({
            code: 'custom',
            path: [`slug.${l}`],
            message: 'taxonomy.error.slug',
            params: { suggestion: slugify(slug || name, l) },
          });
        } else if (RESERVED_SECTION_SLUGS.includes(slug)) {
          ctx.addIssue({ code: 'custom', path: [`slug.${l}`], message: 'taxonomy.error.slugReserved' });
        } else {
          const other = context.sections.find(
            (s) => s.id !== editing?.id && s.translations[l]?.slug === slug,
          );
          if (other) {
            ctx.addIssue({
              code: 'custom',
              path: [`slug.${l}`],
              message: 'taxonomy.error.slugTaken',
              params: { other: other.key },
            });
          }
        }
      }
    }, ALWAYS)
    .transform(
      (input): SectionInput => ({
        key: String(input.key),
        position: Number(input.position),
        translations: Object.fromEntries(
          locales
            .filter((l) => input[`name.${l}`] !== '')
            .map((l) => [
              l,
              {
                name: String(input[`name.${l}`]),
                slug: String(input[`slug.${l}`]),
                description: String(input[`description.${l}`] ?? ''),
              },
            ]),
        ),
      }),
    );
  return checkFields(schema, flat);
}

function nextPosition(sections: Section[], editing: Section | undefined): number {
  if (editing) return editing.position;
  return sections.reduce((max, s) => Math.max(max, s.position), 0) + 1;
}

/** An entity as typed: aliases are one text per locale, split on commas or new lines. */
export interface EntityFields {
  slug: string;
  kind: string;
  translations: Record<Locale, { name: string; aliases: string; description: string }>;
}

/**
 * Checks an entity as typed. Aliases are one field per locale, split on commas or new lines. The slug
 * is the entity's public address (/{locale}/topics/{slug}) and the key the store saves by, so it
 * is set once, when the entity is created.
 */
export function checkEntity(
  values: EntityFields,
  context: TaxonomyContext & { entities: Entity[]; editing?: Entity },
): FieldsResult<EntityInput> {
  const { editing, locales } = context;
  const flat: Record<string, unknown> = {
    slug: editing ? editing.slug : values.slug.trim(),
    kind: values.kind,
  };
  const shape: Record<string, z.ZodType> = {
    slug: requiredText(MAX.slug),
    kind: z.enum(ENTITY_KINDS as [EntityKind, ...EntityKind[]], 'taxonomy.error.kind'),
  };
  for (const l of locales) {
    const t = values.translations[l] ?? { name: '', aliases: '', description: '' };
    flat[`name.${l}`] = t.name;
    flat[`aliases.${l}`] = splitList(t.aliases);
    flat[`description.${l}`] = t.description;
    shape[`name.${l}`] = text(MAX.name);
    shape[`aliases.${l}`] = z
      .array(z.string().max(MAX.alias, 'taxonomy.error.aliasTooLong'))
      .max(MAX.aliases, 'taxonomy.error.tooManyAliases');
    shape[`description.${l}`] = text(MAX.description);
  }
  const schema = z
    .object(shape)
    .superRefine((input, ctx) => {
      const slug = String(input.slug ?? '');
      if (!editing && slug !== '') {
        if (!isWellFormedSlug(slug, 'und')) {
          ctx.addIssue({
            code: 'custom',
            path: ['slug'],
            message: 'taxonomy.error.slug',
            params: { suggestion: slugify(slug, 'und') },
          });
        } else if (context.entities.some((e) => e.slug === slug)) {
          ctx.addIssue({ code: 'custom', path: ['slug'], message: 'taxonomy.error.entitySlugTaken' });
        }
      }
      for (const l of locales) {
        const name = String(input[`name.${l}`] ?? '');
        const used =
          name !== '' ||
          (input[`aliases.${l}`] as string[]).length > 0 ||
          String(input[`description.${l}`] ?? '') !== '';
        if ((used || l === context.defaultLocale) && name === '') {
          ctx.addIssue({ code: 'custom', path: [`name.${l}`], message: 'settings.error.required' });
        }
      }
    }, ALWAYS)
    .transform(
      (input): EntityInput => ({
        slug: String(input.slug),
        kind: input.kind as EntityKind,
        translations: Object.fromEntries(
          locales
            .filter((l) => input[`name.${l}`] !== '')
            .map((l) => [
              l,
              {
                name: String(input[`name.${l}`]),
                aliases: input[`aliases.${l}`] as string[],
                description: String(input[`description.${l}`] ?? ''),
              },
            ]),
        ),
      }),
    );
  return checkFields(schema, flat);
}
