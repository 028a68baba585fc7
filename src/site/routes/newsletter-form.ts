import { z } from 'zod';
import { InvalidSignup, type Topic } from '../../newsletter/index.js';
import { languageName } from '../../platform/i18n.js';
import type { SiteDeps } from '../deps.js';
import type { NewsletterChoices } from '../views/newsletter-pages.js';

type FormBody = Record<string, string | File | (string | File)[]>;

/** Every value a field carries (checkboxes repeat their name), strings only. */
function formValues(body: FormBody, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

export function formValue(body: FormBody, name: string): string {
  return formValues(body, name)[0] ?? '';
}

// More topics than the site offers is not a reader; the cap also bounds the work per request.
const MAX_TOPICS = 500;

const ChoicesForm = z.object({
  locale: z.string().max(35),
  // The box on every page sends no frequency: weekly is the gentler default.
  frequency: z.enum(['daily', 'weekly']).default('weekly'),
  section: z.array(z.string().max(200)).max(MAX_TOPICS),
  entity: z.array(z.string().max(200)).max(MAX_TOPICS),
});

export interface NewsletterChoiceInput {
  locale: string;
  frequency: 'daily' | 'weekly';
  topics: Topic[];
}

/**
 * Language, frequency and topics from a signup or preferences form, each checked against what the
 * site offers (enabled locales, its sections' keys, its entities' slugs); InvalidSignup otherwise.
 */
export function parseChoices(deps: SiteDeps, body: FormBody, pageLocale: string): NewsletterChoiceInput {
  const parsed = ChoicesForm.safeParse({
    locale: formValue(body, 'locale') || pageLocale,
    frequency: formValue(body, 'frequency') || undefined,
    section: formValues(body, 'section'),
    entity: formValues(body, 'entity'),
  });
  if (!parsed.success) throw new InvalidSignup(String(parsed.error.issues[0]?.path[0] ?? 'form'));
  const { locale, frequency, section, entity } = parsed.data;
  const { catalog } = deps;
  if (!catalog.isEnabledLocale(locale)) throw new InvalidSignup('locale');
  const sectionKeys = new Set(catalog.sections.map((s) => s.key));
  const entitySlugs = new Set(catalog.entities.map((e) => e.slug));
  if (!section.every((key) => sectionKeys.has(key))) throw new InvalidSignup('section');
  if (!entity.every((slug) => entitySlugs.has(slug))) throw new InvalidSignup('entity');
  const topics: Topic[] = [
    ...[...new Set(section)].map((key) => ({ kind: 'section' as const, key })),
    ...[...new Set(entity)].map((key) => ({ kind: 'entity' as const, key })),
  ];
  return { locale, frequency, topics };
}

/** The form's options in the page's language, with `selected` marked. */
export function choicesFor(
  deps: SiteDeps,
  pageLocale: string,
  selected: NewsletterChoiceInput,
): NewsletterChoices {
  const { catalog } = deps;
  const chosen = new Set(selected.topics.map((t) => `${t.kind}:${t.key}`));
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, pageLocale);
  return {
    languages: catalog.settings.locales.map((locale) => ({
      locale,
      label: languageName(locale),
      selected: locale === selected.locale,
    })),
    frequency: selected.frequency,
    sections: catalog.sections.map((section) => ({
      key: section.key,
      label: catalog.pick(section.translations, pageLocale)?.value.name ?? section.key,
      checked: chosen.has(`section:${section.key}`),
    })),
    entities: catalog.entities
      .map((entity) => ({
        key: entity.slug,
        label: catalog.pick(entity.translations, pageLocale)?.value.name ?? entity.slug,
        checked: chosen.has(`entity:${entity.slug}`),
      }))
      .sort(byLabel),
  };
}
