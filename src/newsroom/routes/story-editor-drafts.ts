import {
  type Autosave,
  currentRevisionOf,
  diffContent,
  discardAutosave,
  findAutosave,
  previewMarkdown,
} from '../../editorial/index.js';
import { adminTimeLabel, newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import { type EditorForm, filledFaq } from '../story-forms.js';
import type { AutosaveOffer, ConflictView } from '../views/story-editor-drafts.js';
import type { EditorContext } from './story-editor-data.js';

// The editor's unsaved work: the autosave offered back on opening, the conflict shown when someone
// else saved first, and the preview rendered into the page on opening.

function sameText(form: EditorForm, autosave: Autosave): boolean {
  return (
    form.title === autosave.title &&
    form.summary === autosave.summary &&
    form.body === autosave.body &&
    form.heroAlt === autosave.heroAlt &&
    JSON.stringify(filledFaq(form.faq)) === JSON.stringify(filledFaq(autosave.faq))
  );
}

/**
 * The person's autosave of this variant when it holds text the saved version does not; one that
 * says nothing new is dropped. With `restore`, the form carries the autosave's text and the
 * revision it was typed over, so a save after someone else's still meets the conflict check.
 */
export async function autosaveOffer(
  deps: NewsroomDeps,
  ctx: EditorContext,
  stored: EditorForm,
  restore: boolean,
): Promise<{ form: EditorForm; offer?: AutosaveOffer }> {
  const { story } = ctx.loaded;
  const autosave = await findAutosave(deps.db, ctx.actor, story.id, ctx.locale);
  if (!autosave) return { form: stored };
  if (sameText(stored, autosave)) {
    await discardAutosave(deps.db, ctx.actor, story.id, ctx.locale);
    return { form: stored };
  }
  const base = `/admin/stories/${story.id}/${ctx.locale}`;
  const current = story.variants.find((v) => v.locale === ctx.locale);
  const savedSince = current !== undefined && autosave.baseRevision !== current.revision;
  if (restore) {
    return {
      form: {
        ...stored,
        title: autosave.title,
        summary: autosave.summary,
        body: autosave.body,
        heroAlt: autosave.heroAlt,
        faq: autosave.faq.map((item) => ({ ...item })),
        baseRevision: autosave.baseRevision === null ? stored.baseRevision : String(autosave.baseRevision),
      },
      offer: {
        savedAtLabel: adminTimeLabel(autosave.savedAt, newsroomZone(ctx.settings)),
        restored: true,
        savedSince,
        discardAction: `${base}/autosave/discard`,
      },
    };
  }
  return {
    form: stored,
    offer: {
      savedAtLabel: adminTimeLabel(autosave.savedAt, newsroomZone(ctx.settings)),
      restored: false,
      savedSince,
      restoreHref: `${base}?restore=autosave`,
      discardAction: `${base}/autosave/discard`,
    },
  };
}

/** The other person's saved version beside what this person typed, line by line. */
export async function conflictView(
  deps: NewsroomDeps,
  ctx: EditorContext,
  yours: EditorForm,
): Promise<ConflictView | undefined> {
  const { story } = ctx.loaded;
  const theirs = story.variants.find((v) => v.locale === ctx.locale);
  if (!theirs) return undefined;
  const current = await currentRevisionOf(deps.db, story.id, ctx.locale);
  return {
    revision: theirs.revision,
    savedBy: current?.savedBy ?? null,
    savedAtLabel: adminTimeLabel(current?.savedAt ?? theirs.updatedAt, newsroomZone(ctx.settings)),
    keepTheirsHref: `/admin/stories/${story.id}/${ctx.locale}`,
    theirs: { title: theirs.title, summary: theirs.summary, body: theirs.bodyMarkdown },
    diff: diffContent(
      { title: theirs.title, summary: theirs.summary, body: theirs.bodyMarkdown, faq: theirs.faq },
      { title: yours.title, summary: yours.summary, body: yours.body, faq: filledFaq(yours.faq) },
    ),
  };
}

/** The body and FAQ rendered as the site renders them, so the preview is filled on opening. */
export async function previewOf(deps: NewsroomDeps, ctx: EditorContext, form: EditorForm) {
  const faq = filledFaq(form.faq);
  const preview = await previewMarkdown(deps.db, ctx.actor, { locale: ctx.locale, body: form.body, faq });
  return {
    bodyHtml: preview.bodyHtml,
    faq: faq.map((item, i) => ({ question: item.question, answerHtml: preview.faqAnswersHtml[i] ?? '' })),
    dangling: preview.danglingLinks,
  };
}
