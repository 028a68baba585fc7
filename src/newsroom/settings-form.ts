import { type SettingsFields, splitList } from '../editorial/index.js';
import { isWellFormedLocale, type Locale } from '../platform/locale.js';
import { DEFAULT_TIME_ZONE } from '../platform/time-zone.js';
import type { Section, SiteSettings } from '../stories/index.js';
import { type FormBody, field, fieldValues } from './forms.js';

// The site settings form: a parsed body to the fields editorial checks (settings-rules.ts), and the
// saved settings back to fields.

export type SettingsFormValues = SettingsFields;

/** The locales the form shows fields for: the ones saved, then any newly typed in. */
export function settingsFormLocales(current: Locale[], typed: string): Locale[] {
  return [...new Set([...current, ...splitList(typed).filter(isWellFormedLocale)])];
}

export function settingsFormValues(
  body: FormBody,
  locales: Locale[],
  sections: Section[],
): SettingsFormValues {
  const ticked = new Set(fieldValues(body, 'nav'));
  return {
    locales: field(body, 'locales'),
    defaultLocale: field(body, 'defaultLocale'),
    name: Object.fromEntries(locales.map((l) => [l, field(body, `name.${l}`)])),
    tagline: Object.fromEntries(locales.map((l) => [l, field(body, `tagline.${l}`)])),
    navigation: sections.map((s) => ({
      key: s.key,
      checked: ticked.has(s.key),
      order: field(body, `navOrder.${s.key}`),
    })),
    fallbacks: Object.fromEntries(locales.map((l) => [l, field(body, `fallbacks.${l}`)])),
    // A form without the field (an older page still open) leaves the saved zone alone.
    ...('timeZone' in body ? { timeZone: field(body, 'timeZone') } : {}),
  };
}

export function settingsToFormValues(settings: SiteSettings, sections: Section[]): SettingsFormValues {
  return {
    locales: settings.locales.join(', '),
    defaultLocale: settings.defaultLocale,
    name: { ...settings.name },
    tagline: { ...settings.tagline },
    navigation: sections.map((s) => {
      const index = settings.navigation.indexOf(s.key);
      return { key: s.key, checked: index >= 0, order: index >= 0 ? String(index + 1) : '' };
    }),
    fallbacks: Object.fromEntries(settings.locales.map((l) => [l, (settings.fallbacks[l] ?? []).join(', ')])),
    timeZone: settings.timeZone ?? DEFAULT_TIME_ZONE,
  };
}
