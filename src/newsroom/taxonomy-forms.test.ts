import { describe, expect, it } from 'vitest';
import { checkEntity, checkSection } from '../editorial/index.js';
import { KIND_HUBS } from '../site/routes/lists.js';
import type { Entity, Section } from '../stories/index.js';
import { splitList } from './forms.js';
import {
  type EntityFormValues,
  matchesEntitySearch,
  RESERVED_SECTION_SLUGS,
  type SectionFormValues,
} from './taxonomy-forms.js';

const sections: Section[] = [
  {
    id: 1,
    key: 'ai-models',
    position: 1,
    translations: {
      zh: { name: 'AI模型', slug: 'ai-models', description: '' },
      en: { name: 'AI models', slug: 'ai-models', description: '' },
    },
  },
  {
    id: 2,
    key: 'chips',
    position: 4,
    translations: { zh: { name: '芯片', slug: '芯片', description: '' } },
  },
];

const nvidia: Entity = {
  id: 7,
  slug: 'nvidia',
  kind: 'company',
  translations: {
    zh: { name: '英伟达', aliases: ['NVIDIA', '輝達'], description: '' },
    en: { name: 'Nvidia', aliases: ['NVDA'], description: '' },
  },
};

const context = { locales: ['zh', 'en'], defaultLocale: 'zh' };

function sectionValues(overrides: Partial<Record<string, string>> = {}): SectionFormValues {
  const v = {
    key: 'industry',
    position: '',
    nameZh: '行业',
    slugZh: '',
    nameEn: 'Industry',
    slugEn: '',
    descriptionEn: '',
    ...overrides,
  };
  return {
    key: v.key ?? '',
    position: v.position ?? '',
    translations: {
      zh: { name: v.nameZh ?? '', slug: v.slugZh ?? '', description: '' },
      en: { name: v.nameEn ?? '', slug: v.slugEn ?? '', description: v.descriptionEn ?? '' },
    },
  };
}

describe('checkSection', () => {
  it('makes missing slugs from the names and puts a new section last', () => {
    const result = checkSection(sectionValues(), { ...context, sections });
    expect(result).toEqual({
      ok: true,
      value: {
        key: 'industry',
        position: 5,
        translations: {
          zh: { name: '行业', slug: '行业', description: '' },
          en: { name: 'Industry', slug: 'industry', description: '' },
        },
      },
    });
  });

  it('leaves out a locale whose fields are all empty', () => {
    const result = checkSection(sectionValues({ nameEn: '' }), { ...context, sections });
    expect(result.ok && Object.keys(result.value.translations)).toEqual(['zh']);
  });

  it.each([
    ['no key', { key: '' }, 'key', 'settings.error.required'],
    ['a key with capitals', { key: 'AI Models' }, 'key', 'taxonomy.error.key'],
    ['a key taken by another section', { key: 'chips' }, 'key', 'taxonomy.error.keyTaken'],
    ['a slug with spaces and capitals', { slugEn: 'Big News' }, 'slug.en', 'taxonomy.error.slug'],
    ['a slug with a slash', { slugEn: 'a/b' }, 'slug.en', 'taxonomy.error.slug'],
    ['a slug another section uses in that locale', { slugZh: '芯片' }, 'slug.zh', 'taxonomy.error.slugTaken'],
    [
      'a slug the site uses for its own pages',
      { slugEn: 'topics' },
      'slug.en',
      'taxonomy.error.slugReserved',
    ],
    ['the kind hub /gpus', { slugEn: 'gpus' }, 'slug.en', 'taxonomy.error.slugReserved'],
    ['no name in the default locale', { nameZh: '' }, 'name.zh', 'settings.error.required'],
    [
      'a description without a name',
      { nameEn: '', descriptionEn: 'About' },
      'name.en',
      'settings.error.required',
    ],
    ['a negative position', { position: '-1' }, 'position', 'taxonomy.error.position'],
    ['a position that is not a number', { position: 'first' }, 'position', 'taxonomy.error.position'],
    ['a name of 121 characters', { nameEn: 'x'.repeat(121) }, 'name.en', 'settings.error.tooLong'],
  ])('refuses %s', (_, overrides, name, key) => {
    const result = checkSection(sectionValues(overrides), { ...context, sections });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[name]?.key).toBe(key);
  });

  it('suggests a well-formed slug', () => {
    const result = checkSection(sectionValues({ slugEn: 'Big News' }), { ...context, sections });
    expect(!result.ok && result.errors['slug.en']?.values).toMatchObject({ suggestion: 'big-news' });
  });

  it('keeps the key of the section being edited, and lets it keep its own slugs', () => {
    const editing = sections[0] as Section;
    const result = checkSection(
      sectionValues({
        key: 'renamed',
        nameZh: 'AI模型',
        slugZh: 'ai-models',
        nameEn: 'Models',
        slugEn: 'ai-models',
      }),
      { ...context, sections, editing },
    );
    expect(result.ok && result.value).toMatchObject({ key: 'ai-models', position: 1 });
  });
});

describe('RESERVED_SECTION_SLUGS', () => {
  it('holds every path segment the public site answers under a locale', () => {
    expect(RESERVED_SECTION_SLUGS).toEqual(expect.arrayContaining(['topics', ...Object.keys(KIND_HUBS)]));
  });
});

function entityValues(
  overrides: Partial<EntityFormValues['translations']['zh']> & { slug?: string; kind?: string } = {},
) {
  const { slug = 'amd', kind = 'company', ...zh } = overrides;
  return {
    slug,
    kind,
    translations: {
      zh: { name: '超威', aliases: 'AMD，超微\n超威半导体、AMD', description: '', ...zh },
      en: { name: 'AMD', aliases: '', description: '' },
    },
  };
}

describe('checkEntity', () => {
  it('splits aliases on commas (also full-width) and new lines, keeping each once', () => {
    const result = checkEntity(entityValues(), { ...context, entities: [nvidia] });
    expect(result.ok && result.value).toEqual({
      slug: 'amd',
      kind: 'company',
      translations: {
        zh: { name: '超威', aliases: ['AMD', '超微', '超威半导体'], description: '' },
        en: { name: 'AMD', aliases: [], description: '' },
      },
    });
  });

  it.each([
    ['a slug another entity has', { slug: 'nvidia' }, 'slug', 'taxonomy.error.entitySlugTaken'],
    ['no slug', { slug: '' }, 'slug', 'settings.error.required'],
    ['a slug with capitals', { slug: 'AMD' }, 'slug', 'taxonomy.error.slug'],
    ['an unknown kind', { kind: 'planet' }, 'kind', 'taxonomy.error.kind'],
    ['aliases without a name', { name: '' }, 'name.zh', 'settings.error.required'],
    ['an alias of 121 characters', { aliases: 'x'.repeat(121) }, 'aliases.zh', 'taxonomy.error.aliasTooLong'],
    [
      '51 aliases',
      { aliases: Array.from({ length: 51 }, (_, i) => `a${i}`).join(',') },
      'aliases.zh',
      'taxonomy.error.tooManyAliases',
    ],
  ])('refuses %s', (_, overrides, name, key) => {
    const result = checkEntity(entityValues(overrides), { ...context, entities: [nvidia] });
    expect(!result.ok && result.errors[name]?.key).toBe(key);
  });

  it('keeps the slug of the entity being edited', () => {
    const result = checkEntity(entityValues({ slug: 'other' }), {
      ...context,
      entities: [nvidia],
      editing: nvidia,
    });
    expect(result.ok && result.value.slug).toBe('nvidia');
  });
});

describe('matchesEntitySearch', () => {
  it.each([
    ['the slug', 'nvid', true],
    ['a Chinese name', '英伟', true],
    ['an alias, in any case', 'nvda', true],
    ['a traditional-Chinese alias', '輝達', true],
    ['full-width Latin letters', 'ＮＶＩＤＩＡ', true],
    ['an empty query', '  ', true],
    ['something else', 'amd', false],
  ])('%s', (_, query, expected) => {
    expect(matchesEntitySearch(nvidia, query)).toBe(expected);
  });
});

describe('splitList', () => {
  it.each([
    ['commas', 'a, b,c', ['a', 'b', 'c']],
    ['new lines and blank lines', 'a\n\n b \r\nc', ['a', 'b', 'c']],
    ['full-width comma and ideographic comma', '英伟达，辉达、NVIDIA', ['英伟达', '辉达', 'NVIDIA']],
    ['duplicates', 'a, a, b', ['a', 'b']],
    ['inner spaces collapsed', 'Open  AI', ['Open AI']],
    ['nothing', ' , \n', []],
  ])('%s', (_, text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });
});
