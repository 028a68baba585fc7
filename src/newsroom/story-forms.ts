import { z } from 'zod';
import { STORY_LIMITS as L } from '../editorial/index.js';

// The story forms of the admin: what a browser posts, read into plain values, validated with zod
// whose messages are UI-string keys (shown in the person's language), and the FAQ and source rows
// added, removed and moved on the server so the editor works without JavaScript.

export interface FaqRow {
  question: string;
  answer: string;
}

export interface SourceRow {
  url: string;
  publisher: string;
  author: string;
  /** `YYYY-MM-DD` or empty. */
  date: string;
}

/** Every field of the editor, as typed: a bad form is shown again exactly as it was sent. */
export interface EditorForm {
  title: string;
  slug: string;
  summary: string;
  body: string;
  heroAlt: string;
  faq: FaqRow[];
  section: string;
  entities: string[];
  entityAdd: string;
  sources: SourceRow[];
  heroMediaId: string;
  /** `datetime-local` value, read as UTC. */
  publishAt: string;
  qaOverrideReason: string;
  baseRevision: string;
  translatedFromRevision: string;
}

export type EditorIntent =
  | { kind: 'save' | 'preview' | 'publish' | 'schedule' | 'unpublish' | 'faq-add' | 'source-add' }
  | { kind: 'faq-remove' | 'faq-up' | 'faq-down' | 'source-remove'; index: number }
  /** The hero picker's search or paging: `before`/`after` are the raw cursor, checked later. */
  | { kind: 'media'; before?: string; after?: string };

type Body = Record<string, string | File | (string | File)[]>;

function all(body: Body, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((v) => (typeof v === 'string' ? v : ''));
}

function one(body: Body, name: string): string {
  return all(body, name)[0] ?? '';
}

function rows<T>(count: number, build: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => build(i));
}

/** Reads the intent from the submit button pressed (`intent=faq-remove:2`); Enter means save. */
export function readIntent(value: string): EditorIntent {
  const [kind = 'save', index] = value.split(':');
  // Never read as a save, whatever follows: a forged page is answered by the picker.
  if (kind === 'media-search') return { kind: 'media' };
  if (kind === 'media-older') return { kind: 'media', before: index ?? '' };
  if (kind === 'media-newer') return { kind: 'media', after: index ?? '' };
  if (['faq-remove', 'faq-up', 'faq-down', 'source-remove'].includes(kind) && /^\d{1,3}$/.test(index ?? '')) {
    return { kind: kind as 'faq-remove', index: Number(index) };
  }
  if (['preview', 'publish', 'schedule', 'unpublish', 'faq-add', 'source-add'].includes(kind)) {
    return { kind: kind as 'preview' };
  }
  return { kind: 'save' };
}

export function readEditorForm(body: Body): { form: EditorForm; intent: EditorIntent; mediaQuery: string } {
  const questions = all(body, 'faqQuestion');
  const answers = all(body, 'faqAnswer');
  const urls = all(body, 'sourceUrl');
  const publishers = all(body, 'sourcePublisher');
  const authors = all(body, 'sourceAuthor');
  const dates = all(body, 'sourceDate');
  const form: EditorForm = {
    title: one(body, 'title'),
    slug: one(body, 'slug'),
    summary: one(body, 'summary'),
    body: one(body, 'body').replace(/\r\n?/g, '\n'),
    heroAlt: one(body, 'heroAlt'),
    faq: rows(Math.max(questions.length, answers.length), (i) => ({
      question: questions[i] ?? '',
      answer: (answers[i] ?? '').replace(/\r\n?/g, '\n'),
    })),
    section: one(body, 'section'),
    entities: [...new Set(all(body, 'entity').filter(Boolean))],
    entityAdd: one(body, 'entityAdd'),
    sources: rows(Math.max(urls.length, publishers.length, authors.length, dates.length), (i) => ({
      url: urls[i] ?? '',
      publisher: publishers[i] ?? '',
      author: authors[i] ?? '',
      date: dates[i] ?? '',
    })),
    heroMediaId: one(body, 'heroMediaId'),
    publishAt: one(body, 'publishAt'),
    qaOverrideReason: one(body, 'qaOverrideReason'),
    baseRevision: one(body, 'baseRevision'),
    translatedFromRevision: one(body, 'translatedFromRevision'),
  };
  return { form, intent: readIntent(one(body, 'intent')), mediaQuery: one(body, 'mediaQuery') };
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

const EMPTY_FAQ: FaqRow = { question: '', answer: '' };
const EMPTY_SOURCE: SourceRow = { url: '', publisher: '', author: '', date: '' };

/**
 * The form after a row button (add, remove, move up or down), or undefined for any other intent.
 * Nothing is saved: the person sees the rearranged form and saves when ready.
 */
export function rearrangeForm(form: EditorForm, intent: EditorIntent): EditorForm | undefined {
  switch (intent.kind) {
    case 'faq-add':
      return { ...form, faq: [...form.faq, EMPTY_FAQ] };
    case 'faq-remove':
      return { ...form, faq: form.faq.filter((_, i) => i !== intent.index) };
    case 'faq-up':
      return { ...form, faq: move(form.faq, intent.index, intent.index - 1) };
    case 'faq-down':
      return { ...form, faq: move(form.faq, intent.index, intent.index + 1) };
    case 'source-add':
      return { ...form, sources: [...form.sources, EMPTY_SOURCE] };
    case 'source-remove':
      return { ...form, sources: form.sources.filter((_, i) => i !== intent.index) };
    default:
      return undefined;
  }
}

// Messages are keys of locales/admin-stories/*.json. The limits are editorial's (STORY_LIMITS):
// the form answers in the person's language what the save would refuse anyway.
const required = (max: number) =>
  z.string().trim().min(1, { error: 'stories.error.required' }).max(max, { error: 'stories.error.tooLong' });
const optional = (max: number) => z.string().trim().max(max, { error: 'stories.error.tooLong' });
const isBlank = (values: string[]) => values.every((v) => v.trim() === '');

const VariantFields = {
  title: required(L.titleChars),
  slug: optional(L.slugChars),
  summary: optional(L.summaryChars),
  body: z.string().max(L.bodyChars, { error: 'stories.error.tooLong' }),
};

const EditorSchema = z
  .object({
    ...VariantFields,
    heroAlt: optional(L.heroAltChars),
    faq: z
      .array(
        z.object({
          question: optional(L.questionChars),
          answer: z.string().max(L.answerChars, { error: 'stories.error.tooLong' }),
        }),
      )
      .max(L.faqItems, { error: 'stories.error.tooMany' }),
    section: z.string(),
    entities: z.array(z.string()).max(L.entities, { error: 'stories.error.tooMany' }),
    sources: z
      .array(
        z.object({
          url: z.union([
            z.literal(''),
            z.url({ protocol: /^https?$/, error: 'stories.error.url' }).max(L.sourceUrlChars),
          ]),
          publisher: optional(L.publisherChars),
          author: optional(L.authorChars),
          date: z.union([z.literal(''), z.iso.date({ error: 'stories.error.date' })]),
        }),
      )
      .max(L.sources, { error: 'stories.error.tooMany' }),
    heroMediaId: z.string().regex(/^\d*$/, { error: 'stories.error.invalid' }),
    publishAt: z.union([
      z.literal(''),
      z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: 'stories.error.publishAt' }),
    ]),
    qaOverrideReason: optional(L.qaReasonChars),
  })
  .superRefine((form, ctx) => {
    form.faq.forEach((item, i) => {
      if (isBlank([item.question, item.answer])) return;
      if (item.question.trim() === '')
        ctx.addIssue({ code: 'custom', path: ['faq', i, 'question'], message: 'stories.error.required' });
      if (item.answer.trim() === '')
        ctx.addIssue({ code: 'custom', path: ['faq', i, 'answer'], message: 'stories.error.required' });
    });
    form.sources.forEach((source, i) => {
      if (!isBlank([source.publisher, source.author, source.date]) && source.url === '') {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'url'], message: 'stories.error.required' });
      }
    });
  });

export type ValidEditorForm = z.output<typeof EditorSchema>;

/** Form errors by field path (`title`, `faq.1.answer`), each a UI-string key. */
export type FormErrors = Record<string, string>;

function errorsOf(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    // Messages we wrote are keys; anything else (a crafted request) gets the generic one.
    errors[path] ??= issue.message.startsWith('stories.') ? issue.message : 'stories.error.invalid';
  }
  return errors;
}

/**
 * Checks the editor's form. A hero image needs alt text in the variant's language: the variant's
 * own, or else `imageAlt`, the image's alt for that language in the media library.
 */
export function validateEditorForm(
  form: EditorForm,
  options: { imageAlt?: string } = {},
): { ok: true; value: ValidEditorForm } | { ok: false; errors: FormErrors } {
  const result = EditorSchema.safeParse(form);
  const errors = result.success ? {} : errorsOf(result.error);
  if (form.heroMediaId !== '' && form.heroAlt.trim() === '' && !options.imageAlt?.trim()) {
    errors.heroAlt = 'stories.error.heroAltRequired';
  }
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: result.data };
}

/** `2026-12-01T08:30` (a datetime-local value, UTC) → ISO 8601, or undefined when not a time. */
export function publishAtIso(value: string): string | undefined {
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The FAQ pairs worth keeping: rows left blank are dropped on save. */
export function filledFaq(faq: ValidEditorForm['faq']): { question: string; answer: string }[] {
  return faq
    .filter((item) => !isBlank([item.question, item.answer]))
    .map((item) => ({ question: item.question.trim(), answer: item.answer.trim() }));
}

export function filledSources(
  sources: ValidEditorForm['sources'],
): { url: string; publisher: string; author: string; publishedAt: string | null }[] {
  return sources
    .filter((s) => s.url !== '')
    .map((s) => ({ url: s.url, publisher: s.publisher, author: s.author, publishedAt: s.date || null }));
}

export interface NewStoryForm {
  section: string;
  sourceLocale: string;
  title: string;
  slug: string;
  summary: string;
  body: string;
}

export function readNewStoryForm(body: Body): NewStoryForm {
  return {
    section: one(body, 'section'),
    sourceLocale: one(body, 'sourceLocale'),
    title: one(body, 'title'),
    slug: one(body, 'slug'),
    summary: one(body, 'summary'),
    body: one(body, 'body').replace(/\r\n?/g, '\n'),
  };
}

const NewStorySchema = z.object({
  ...VariantFields,
  section: z.string().min(1, { error: 'stories.error.required' }),
  sourceLocale: z.string().min(1, { error: 'stories.error.required' }),
});

export function validateNewStoryForm(
  form: NewStoryForm,
  allowed: { sections: string[]; locales: string[] },
): { ok: true; value: z.output<typeof NewStorySchema> } | { ok: false; errors: FormErrors } {
  const result = NewStorySchema.safeParse(form);
  const errors = result.success ? {} : errorsOf(result.error);
  if (form.section && !allowed.sections.includes(form.section)) errors.section = 'stories.error.invalid';
  if (form.sourceLocale && !allowed.locales.includes(form.sourceLocale))
    errors.sourceLocale = 'stories.error.invalid';
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: result.data };
}
