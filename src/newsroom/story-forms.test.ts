import { describe, expect, it } from 'vitest';
import { SaveVariantSchema, STORY_LIMITS } from '../editorial/index.js';
import {
  type EditorForm,
  type EditorIntent,
  filledFaq,
  publishAtIso,
  readEditorForm,
  readIntent,
  rearrangeForm,
  validateEditorForm,
} from './story-forms.js';

const form = (overrides: Partial<EditorForm> = {}): EditorForm => ({
  title: '标题',
  slug: '',
  summary: '',
  body: '',
  heroAlt: '',
  faq: [
    { question: 'Q1', answer: 'A1' },
    { question: 'Q2', answer: 'A2' },
    { question: 'Q3', answer: 'A3' },
  ],
  section: 'ai-models',
  entities: [],
  entityAdd: '',
  sources: [{ url: 'https://example.com/a', publisher: 'P', author: '', date: '' }],
  heroMediaId: '',
  publishAt: '',
  qaOverrideReason: '',
  baseRevision: '1',
  translatedFromRevision: '',
  ...overrides,
});

const questions = (f: EditorForm | undefined) => f?.faq.map((item) => item.question);

describe('readIntent', () => {
  it.each<[string, EditorIntent]>([
    ['', { kind: 'save' }],
    ['publish', { kind: 'publish' }],
    ['faq-remove:2', { kind: 'faq-remove', index: 2 }],
    ['faq-up:x', { kind: 'save' }],
    ['drop-tables', { kind: 'save' }],
  ])('%j', (value, intent) => expect(readIntent(value)).toEqual(intent));
});

describe('rearrangeForm', () => {
  it.each<[string, EditorIntent, string[] | undefined]>([
    ['adds an empty FAQ row', { kind: 'faq-add' }, ['Q1', 'Q2', 'Q3', '']],
    ['removes a row', { kind: 'faq-remove', index: 1 }, ['Q1', 'Q3']],
    ['moves a row up', { kind: 'faq-up', index: 2 }, ['Q1', 'Q3', 'Q2']],
    ['moves a row down', { kind: 'faq-down', index: 0 }, ['Q2', 'Q1', 'Q3']],
    ['leaves the first row where it is when moved up', { kind: 'faq-up', index: 0 }, ['Q1', 'Q2', 'Q3']],
    ['leaves the last row where it is when moved down', { kind: 'faq-down', index: 2 }, ['Q1', 'Q2', 'Q3']],
    ['ignores an index past the end', { kind: 'faq-remove', index: 9 }, ['Q1', 'Q2', 'Q3']],
    ['is not a rearrangement for save', { kind: 'save' }, undefined],
  ])('%s', (_, intent, expected) => expect(questions(rearrangeForm(form(), intent))).toEqual(expected));

  it('adds and removes source rows', () => {
    expect(rearrangeForm(form(), { kind: 'source-add' })?.sources).toHaveLength(2);
    expect(rearrangeForm(form(), { kind: 'source-remove', index: 0 })?.sources).toEqual([]);
  });
});

describe('readEditorForm', () => {
  it('pairs repeated FAQ fields by position and turns CRLF into LF', () => {
    const { form: read, intent } = readEditorForm({
      title: 'T',
      body: 'a\r\nb',
      faqQuestion: ['q1', 'q2'],
      faqAnswer: ['a1\r\nmore', 'a2'],
      entity: ['nvidia', 'nvidia', 'h200'],
      intent: 'faq-down:0',
    });
    expect(read.body).toBe('a\nb');
    expect(read.faq).toEqual([
      { question: 'q1', answer: 'a1\nmore' },
      { question: 'q2', answer: 'a2' },
    ]);
    expect(read.entities).toEqual(['nvidia', 'h200']);
    expect(intent).toEqual({ kind: 'faq-down', index: 0 });
  });
});

describe('validateEditorForm', () => {
  const errorsOf = (f: EditorForm) => {
    const result = validateEditorForm(f);
    return result.ok ? {} : result.errors;
  };
  it.each<[string, Partial<EditorForm>, Record<string, string>]>([
    ['a good form', {}, {}],
    ['an empty title', { title: '   ' }, { title: 'stories.error.required' }],
    [
      'half an FAQ pair',
      { faq: [{ question: 'Q', answer: '' }] },
      { 'faq.0.answer': 'stories.error.required' },
    ],
    ['an empty FAQ row is fine (dropped on save)', { faq: [{ question: '', answer: '' }] }, {}],
    [
      'a source without its address',
      { sources: [{ url: '', publisher: 'P', author: '', date: '' }] },
      { 'sources.0.url': 'stories.error.required' },
    ],
    [
      'a source address that is not http(s)',
      { sources: [{ url: 'javascript:alert(1)', publisher: '', author: '', date: '' }] },
      { 'sources.0.url': 'stories.error.url' },
    ],
    ['a hero image without alt text', { heroMediaId: '3' }, { heroAlt: 'stories.error.heroAltRequired' }],
    ['a malformed publish time', { publishAt: 'tomorrow' }, { publishAt: 'stories.error.publishAt' }],
  ])('%s', (_, overrides, errors) => expect(errorsOf(form(overrides))).toEqual(errors));

  it('lets a hero image without the variant’s alt text through when the image has its own', () => {
    expect(
      validateEditorForm(form({ heroMediaId: '3' }), { imageAlt: 'A wafer under a microscope' }).ok,
    ).toBe(true);
    expect(validateEditorForm(form({ heroMediaId: '3' }), { imageAlt: '  ' }).ok).toBe(false);
  });

  it('keeps only filled FAQ rows', () => {
    expect(
      filledFaq([
        { question: ' Q ', answer: ' A ' },
        { question: '', answer: '' },
      ]),
    ).toEqual([{ question: 'Q', answer: 'A' }]);
  });
});

describe('the editor form’s limits', () => {
  // The form takes its limits from editorial: what it lets through, a save accepts.
  it.each([
    ['title', STORY_LIMITS.titleChars],
    ['summary', STORY_LIMITS.summaryChars],
    ['slug', STORY_LIMITS.slugChars],
    ['heroAlt', STORY_LIMITS.heroAltChars],
    ['body', STORY_LIMITS.bodyChars],
  ] as const)('%s: %i characters pass both, one more fails both', (field, limit) => {
    const atLimit = 'a'.repeat(limit);
    const over = `${atLimit}a`;
    const save = (value: string) =>
      SaveVariantSchema.safeParse({ storyId: 1, locale: 'en', title: 'T', [field]: value }).success;
    expect(validateEditorForm(form({ [field]: atLimit })).ok).toBe(true);
    expect(save(atLimit)).toBe(true);
    expect(validateEditorForm(form({ [field]: over }))).toMatchObject({
      ok: false,
      errors: { [field]: 'stories.error.tooLong' },
    });
    expect(save(over)).toBe(false);
  });

  it('refuses one FAQ item or source more than a save takes', () => {
    const faq = Array.from({ length: STORY_LIMITS.faqItems + 1 }, (_, i) => ({
      question: `Q${i}`,
      answer: 'A',
    }));
    expect(validateEditorForm(form({ faq }))).toMatchObject({
      ok: false,
      errors: { faq: 'stories.error.tooMany' },
    });
    const sources = Array.from({ length: STORY_LIMITS.sources + 1 }, (_, i) => ({
      url: `https://example.com/${i}`,
      publisher: '',
      author: '',
      date: '',
    }));
    expect(validateEditorForm(form({ sources }))).toMatchObject({
      ok: false,
      errors: { sources: 'stories.error.tooMany' },
    });
  });
});

describe('publishAtIso', () => {
  it.each([
    ['2026-12-01T08:30', '2026-12-01T08:30:00.000Z'],
    ['2026-12-01T08:30:15', '2026-12-01T08:30:15.000Z'],
    ['not a time', undefined],
  ])('%s', (value, iso) => expect(publishAtIso(value)).toBe(iso));
});
