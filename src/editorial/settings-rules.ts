import { z } from 'zod';
import { isWellFormedLocale, type Locale } from '../platform/locale.js';
import { isTimeZone } from '../platform/time-zone.js';
import type { Section, SiteSettings } from '../stories/index.js';
import { ALWAYS, checkFields, type FieldsResult, splitList, text } from './fields.js';

// The site settings' rules as a pure function: what an owner typed and the sections in, checked
// SiteSettings or messages per field out.

const MAX = { name: 120, tagline: 300, locales: 30 } as const;

/** The site settings as typed: lists are text, split on commas or new lines. */
export interface SettingsFields {
  locales: string;
  defaultLocale: string;
  name: Record<Locale, string>;
  tagline: Record<Locale, string>;
  /** Section keys ticked for the navigation, each with the order typed beside it. */
  navigation: { key: string; checked: boolean; order: string }[];
  fallbacks: Record<Locale, string>;
  /** An IANA zone name; absent leaves the saved zone as it is. */
  timeZone?: string;
}

/**
 * Checks the site settings as typed. Locales are BCP 47 tags (`zh`, `en`, `pt-BR`), typed as a list; the
 * default must be one of them and needs the site's name. Navigation keeps the ticked sections in
 * the order typed beside them (untyped ones after, in the sections' own order). A fallback list
 * names other enabled locales only.
 */
export function checkSettings(
  values: SettingsFields,
  context: { sections: Section[] },
): FieldsResult<SiteSettings> {
  const locales = splitList(values.locales);
  const localeTexts = Object.keys(values.name);
  const schema = z
    .object({
      locales: z
        .array(z.string())
        .min(1, 'settings.error.noLocales')
        .max(MAX.locales, 'settings.error.tooManyLocales'),
      defaultLocale: z.string(),
      name: z.record(z.string(), text(MAX.name)),
      tagline: z.record(z.string(), text(MAX.tagline)),
      navigation: z.array(z.object({ key: z.string(), checked: z.boolean(), order: z.string() })),
      fallbacks: z.record(z.string(), z.array(z.string())),
      timeZone: z.string().max(64).refine(isTimeZone, { message: 'settings.error.timeZone' }).optional(),
    })
    .superRefine((input, ctx) => {
      const bad = input.locales.filter((l) => !isWellFormedLocale(l));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['locales'],
          message: 'settings.error.locale',
          params: { tags: bad.join(', ') },
        });
        return;
      }
      if (!input.locales.includes(input.defaultLocale)) {
        ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: 'settings.error.defaultLocale' });
      } else if (!input.name[input.defaultLocale]) {
        ctx.addIssue({
          code: 'custom',
          path: [`name.${input.defaultLocale}`],
          message: 'settings.error.required',
        });
      }
      for (const item of input.navigation) {
        if (item.checked && item.order.trim() !== '' && !/^\d{1,4}$/.test(item.order.trim())) {
          ctx.addIssue({ code: 'custom', path: [`navOrder.${item.key}`], message: 'settings.error.order' });
        }
      }
      for (const [locale, list] of Object.entries(input.fallbacks)) {
        if (!input.locales.includes(locale)) continue;
        const wrong = list.filter((l) => l === locale || !input.locales.includes(l));
        if (wrong.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: [`fallbacks.${locale}`],
            message: 'settings.error.fallback',
            params: { tags: wrong.join(', ') },
          });
        }
      }
    }, ALWAYS)
    .transform((input): SiteSettings => {
      const enabled = (record: Record<string, string>) =>
        Object.fromEntries(input.locales.filter((l) => record[l]).map((l) => [l, record[l] as string]));
      const positions = new Map(context.sections.map((s, index) => [s.key, index]));
      const navigation = input.navigation
        .filter((item) => item.checked && positions.has(item.key))
        .map((item) => ({
          key: item.key,
          order: item.order.trim() === '' ? Number.POSITIVE_INFINITY : Number(item.order),
        }))
        .sort((a, b) => a.order - b.order || (positions.get(a.key) ?? 0) - (positions.get(b.key) ?? 0))
        .map((item) => item.key);
      return {
        name: enabled(input.name),
        tagline: enabled(input.tagline),
        locales: input.locales,
        defaultLocale: input.defaultLocale,
        navigation,
        fallbacks: Object.fromEntries(
          input.locales
            .filter((l) => (input.fallbacks[l] ?? []).length > 0)
            .map((l) => [l, input.fallbacks[l] ?? []]),
        ),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      };
    });
  return checkFields(schema, {
    locales,
    defaultLocale: values.defaultLocale.trim(),
    name: Object.fromEntries(localeTexts.map((l) => [l, values.name[l] ?? ''])),
    tagline: values.tagline,
    navigation: values.navigation,
    fallbacks: Object.fromEntries(
      Object.entries(values.fallbacks).map(([l, typed]) => [l, splitList(typed)]),
    ),
    ...(values.timeZone !== undefined ? { timeZone: values.timeZone.trim() } : {}),
  });
}
