import { describe, expect, it } from 'vitest';
import type { LanguageFinding } from '../publishing/index.js';
import { isBlocking, type QaFinding, qaFindings } from './qa.js';

const language: LanguageFinding = {
  location: 'faq 1, answer',
  field: 'faq-answer',
  index: 1,
  expected: 'zh',
  detected: 'en',
  excerpt: 'The plan starts next year.',
};

type Input = Parameters<typeof qaFindings>[0];

const base: Input = {
  language: [],
  hasHeroImage: false,
  heroAlt: '',
  danglingLinks: [],
  enabledLocales: ['zh', 'en'],
  variantLocales: ['zh', 'en'],
};

describe('qaFindings', () => {
  it.each<[string, Partial<Input>, QaFinding[], boolean]>([
    ['a clean variant', {}, [], false],
    [
      'text in the wrong language',
      { language: [language] },
      [{ kind: 'language', severity: 'error', ...language }],
      true,
    ],
    [
      'a hero image without alt text',
      { hasHeroImage: true },
      [{ kind: 'hero-alt-missing', severity: 'error' }],
      true,
    ],
    ['alt text only matters with a hero image', { hasHeroImage: false, heroAlt: '' }, [], false],
    [
      'blank alt text counts as missing',
      { hasHeroImage: true, heroAlt: '  ' },
      [{ kind: 'hero-alt-missing', severity: 'error' }],
      true,
    ],
    [
      'a dangling story link',
      { danglingLinks: ['old-story'] },
      [{ kind: 'dangling-link', severity: 'error', reference: 'old-story' }],
      true,
    ],
    [
      'a missing translation is a warning, not a block',
      { variantLocales: ['zh'] },
      [{ kind: 'translation-missing', severity: 'warning', locale: 'en' }],
      false,
    ],
  ])('%s', (_, overrides, findings, blocking) => {
    const result = qaFindings({ ...base, ...overrides });
    expect(result).toEqual(findings);
    expect(isBlocking(result)).toBe(blocking);
  });
});
