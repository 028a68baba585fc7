import { describe, expect, it } from 'vitest';
import { checkSettings } from '../editorial/index.js';
import type { Section, SiteSettings } from '../stories/index.js';
import { type SettingsFormValues, settingsToFormValues } from './settings-form.js';

const sections: Section[] = ['ai-models', 'chips', 'industry'].map((key, i) => ({
  id: i + 1,
  key,
  position: i + 1,
  translations: { en: { name: key, slug: key, description: '' } },
}));

const saved: SiteSettings = {
  name: { zh: '码速', en: 'Code Velocity' },
  tagline: { zh: '读懂AI', en: 'AI explained' },
  locales: ['zh', 'en'],
  defaultLocale: 'zh',
  navigation: ['chips', 'ai-models'],
  fallbacks: { en: ['zh'], zh: ['en'] },
  timeZone: 'Asia/Shanghai',
};

const form = (change: (v: SettingsFormValues) => void = () => {}) => {
  const values = settingsToFormValues(saved, sections);
  change(values);
  return values;
};

describe('checkSettings', () => {
  it('gives back the saved settings unchanged', () => {
    expect(checkSettings(form(), { sections })).toEqual({ ok: true, value: saved });
  });

  it('orders the navigation by the numbers typed, unnumbered ticked sections last', () => {
    const result = checkSettings(
      form((v) => {
        v.navigation = [
          { key: 'ai-models', checked: true, order: '' },
          { key: 'chips', checked: true, order: '2' },
          { key: 'industry', checked: true, order: '1' },
        ];
      }),
      { sections },
    );
    expect(result.ok && result.value.navigation).toEqual(['industry', 'chips', 'ai-models']);
  });

  it('refuses a fallback to a locale just removed from the list', () => {
    const result = checkSettings(
      form((v) => {
        v.locales = 'zh';
      }),
      { sections },
    );
    expect(!result.ok && result.errors['fallbacks.zh']).toEqual({
      key: 'settings.error.fallback',
      values: { tags: 'en' },
    });
  });

  it('adds a locale typed into the list, and drops texts of a locale no longer enabled', () => {
    const result = checkSettings(
      form((v) => {
        v.locales = 'zh，ja';
        v.name.ja = 'コードベロシティ';
        v.fallbacks.ja = 'zh';
        v.fallbacks.zh = '';
      }),
      { sections },
    );
    expect(result.ok && result.value).toMatchObject({
      locales: ['zh', 'ja'],
      name: { zh: '码速', ja: 'コードベロシティ' },
      tagline: { zh: '读懂AI' },
      fallbacks: { ja: ['zh'] },
    });
  });

  it.each([
    [
      'no locale',
      (v: SettingsFormValues) => {
        v.locales = ' , ';
      },
      'locales',
      'settings.error.noLocales',
    ],
    [
      'a tag that is not BCP 47',
      (v: SettingsFormValues) => {
        v.locales = 'zh, English';
      },
      'locales',
      'settings.error.locale',
    ],
    [
      'a non-canonical tag',
      (v: SettingsFormValues) => {
        v.locales = 'zh, EN';
      },
      'locales',
      'settings.error.locale',
    ],
    [
      'a default outside the list',
      (v: SettingsFormValues) => {
        v.defaultLocale = 'fr';
      },
      'defaultLocale',
      'settings.error.defaultLocale',
    ],
    [
      'no name in the default locale',
      (v: SettingsFormValues) => {
        v.name.zh = ' ';
      },
      'name.zh',
      'settings.error.required',
    ],
    [
      'a fallback to itself',
      (v: SettingsFormValues) => {
        v.fallbacks.en = 'en, zh';
      },
      'fallbacks.en',
      'settings.error.fallback',
    ],
    [
      'a fallback to a locale not enabled',
      (v: SettingsFormValues) => {
        v.fallbacks.en = 'fr';
      },
      'fallbacks.en',
      'settings.error.fallback',
    ],
    [
      'an order that is not a number',
      (v: SettingsFormValues) => {
        (v.navigation[0] as { order: string }).order = 'top';
      },
      'navOrder.ai-models',
      'settings.error.order',
    ],
    [
      'a tagline of 301 characters',
      (v: SettingsFormValues) => {
        v.tagline.en = 'x'.repeat(301);
      },
      'tagline.en',
      'settings.error.tooLong',
    ],
  ])('refuses %s', (_, change, name, key) => {
    const values = form(change);
    const result = checkSettings(values, { sections });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[name]?.key).toBe(key);
  });
});
