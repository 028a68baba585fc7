import type { Hono } from 'hono';
import { z } from 'zod';
import { buildQaReport, getStory, STORY_LIMITS, translationScaffold } from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import { displayLanguageName } from '../../platform/i18n.js';
import {
  detectorFor,
  leftoverPlaceholders,
  markdownToPlainText,
  otherLanguages,
} from '../../publishing/index.js';
import { findSiteSettings } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import type { EditorForm } from '../story-forms.js';
import type { EditorContext } from './story-editor-data.js';
import { qaLines } from './story-editor-data.js';

// The translator's desk on the server: a new translation's form starts from the source's
// scaffold, and the desk's script asks for the language QA of the unsaved text as it is typed.

const L = STORY_LIMITS;

/** The most a QA request may carry: a whole story at its limits, with room for JSON escapes. */
const MAX_QA_REQUEST_BYTES = 512 * 1024;

/** The desk's rows are the body's blocks: a story's body never needs more. */
const MAX_ROWS = 2_000;

const QaRequestSchema = z.object({
  title: z.string().max(L.titleChars).default(''),
  summary: z.string().max(L.summaryChars).default(''),
  body: z.string().max(L.bodyChars).default(''),
  heroAlt: z.string().max(L.heroAltChars).default(''),
  faq: z
    .array(z.object({ question: z.string().max(L.questionChars), answer: z.string().max(L.answerChars) }))
    .max(L.faqItems)
    .default([]),
  /** The desk's rows, each the Markdown of one translation block, checked one by one. */
  rows: z.array(z.string().max(L.bodyChars)).max(MAX_ROWS).default([]),
});

export type QaRequest = z.infer<typeof QaRequestSchema>;

/** What the desk shows beside one row: placeholders left, or the language it reads as. */
export interface RowCheck {
  untranslated: number;
  /** The language's name in the admin's language, when the row reads as another than the variant's. */
  language?: string;
}

/** The editor's form for a locale the story has no variant in yet: the source's scaffold filled in. */
export async function withTranslationScaffold(
  deps: NewsroomDeps,
  ctx: EditorContext,
  form: EditorForm,
): Promise<EditorForm> {
  const scaffold = await translationScaffold(deps.db, ctx.loaded.story, ctx.locale);
  if (!scaffold) return form;
  return {
    ...form,
    title: scaffold.title,
    summary: scaffold.summary,
    body: scaffold.body,
    heroAlt: scaffold.heroAlt,
    faq: scaffold.faq.map((item) => ({ ...item })),
  };
}

async function readQaRequest(request: Request): Promise<QaRequest> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new DomainError('unsupported-media', 'Send the text as application/json.');
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_QA_REQUEST_BYTES) {
    throw new DomainError('too-large', 'The text is larger than a story may be.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('malformed', 'The request body is not JSON.');
  }
  const parsed = QaRequestSchema.safeParse(json);
  if (!parsed.success) throw new DomainError('invalid', 'The text does not fit a story’s limits.');
  return parsed.data;
}

export function translationDeskRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.post('/stories/:id{[0-9]+}/:locale{[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}/translation-qa', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const locale = c.req.param('locale');
    const { story, scope } = await getStory(deps.db, actor, Number(c.req.param('id')));
    // Only who may write this variant asks for its checks while writing it.
    requirePermission(c, { action: 'story.edit', story: scope, locale });
    const settings = await findSiteSettings(deps.db);
    if (!settings?.locales.includes(locale)) {
      throw new DomainError('not-found', `This site is not published in "${locale}".`);
    }
    const input = await readQaRequest(c.req.raw);
    const content = { locale, ...input, faq: input.faq.filter((f) => f.question.trim() || f.answer.trim()) };
    const report = await buildQaReport(deps.db, story, content, { enabledLocales: settings.locales });
    const texts = input.rows.map((row) => markdownToPlainText(row.replace(/⟦[^⟧]*(?:⟧|$)/g, '')));
    const languages = otherLanguages(await detectorFor(locale, texts), locale, texts);
    const t = c.get('t');
    const rows = input.rows.map((row, i): RowCheck => {
      const language = languages[i];
      return {
        untranslated: leftoverPlaceholders(row).length,
        ...(language ? { language: displayLanguageName(language, t.locale) } : {}),
      };
    });
    // Missing translations elsewhere are not this text's business while it is being written.
    const lines = qaLines(
      t,
      report.findings.filter((f) => f.kind !== 'translation-missing'),
    );
    return c.json({ lines, rows }, 200, { 'cache-control': 'no-store' });
  });
}
