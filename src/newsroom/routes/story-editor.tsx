import type { Context, Hono } from 'hono';
import {
  buildQaReport,
  confirmTranslation,
  createPreviewLink,
  deliverOutcome,
  discardAutosave,
  EditConflict,
  getStory,
  InvalidInput,
  type Outcome,
  PublishBlocked,
  previewMarkdown,
  submitStory,
  WrongStatus,
} from '../../editorial/index.js';
import { findMediaById } from '../../media/index.js';
import { DanglingStoryLink, mediaAlt, SlugTaken, UnknownReference } from '../../stories/index.js';
import { newsroomZone, readScheduleTime } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { readPickerRequest } from '../media-picker-request.js';
import {
  type EditorForm,
  type FormErrors,
  filledFaq,
  readEditorForm,
  rearrangeForm,
  validateEditorForm,
} from '../story-forms.js';
import { buildTranslationDesk } from '../translation-desk-data.js';
import { StoryEditorPage } from '../views/story-editor.js';
import { loadSourceMaterial } from './desk-data.js';
import { loadStoryTeamPanels } from './review-data.js';
import { bylineSubmission } from './story-editor-byline.js';
import {
  buildEditorView,
  type EditorContext,
  type EditorExtras,
  formFromStory,
  loadEditorContext,
  metaFromStory,
  permissionsOf,
  proposalProblem,
  resolveEntity,
} from './story-editor-data.js';
import { autosaveOffer, conflictView, previewOf } from './story-editor-drafts.js';
import { submissionOf } from './story-editor-submission.js';
import { withTranslationScaffold } from './translation-desk.js';

type C = Context<NewsroomEnv>;

// A locale is two or three letters with optional subtags, so `revisions`, `compare` and `delete`
// never read as one.
const EDITOR_PATH = '/stories/:id{[0-9]+}/:locale{[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}';

const NOTICE: Record<string, string> = {
  save: 'saved',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
};

/** Domain refusals become messages on the form (nothing typed is lost); anything else propagates. */
function failureOf(
  error: unknown,
  t: C['var']['t'],
): { status: 409 | 422; extras: EditorExtras } | undefined {
  if (error instanceof PublishBlocked) {
    return {
      status: 422,
      extras: {
        formError: t('stories.error.qaBlocked'),
        qa: error.report.findings,
        errors: { qaOverrideReason: 'stories.error.overrideNeeded' },
      },
    };
  }
  if (error instanceof SlugTaken)
    return { status: 422, extras: { errors: { slug: 'stories.error.slugTaken' } } };
  if (error instanceof DanglingStoryLink) {
    return {
      status: 422,
      extras: {
        errors: { body: 'stories.error.dangling' },
        formError: t('stories.error.danglingLinks', { links: error.references.join(', ') }),
      },
    };
  }
  if (error instanceof EditConflict) {
    return {
      status: 409,
      extras: { formError: t('stories.error.conflict', { revision: error.currentRevision }) },
    };
  }
  if (error instanceof InvalidInput || error instanceof UnknownReference) {
    return { status: 422, extras: { formError: t('stories.error.invalidInput', { detail: error.message }) } };
  }
  if (error instanceof WrongStatus)
    return { status: 409, extras: { formError: t('stories.error.wrongStatus') } };
  return undefined;
}

export function storyEditorRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const render = async (
    c: C,
    ctx: EditorContext,
    form: EditorForm,
    extras: EditorExtras = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const t = c.get('t');
    const chrome = adminChrome(c, deps, t('stories.editor.title'));
    // The preview is filled on opening, not only once the person types.
    const filled = extras.preview ? extras : { ...extras, preview: await previewOf(deps, ctx, form) };
    const view = await buildEditorView(deps, { ...ctx, t, csrfToken: chrome.csrfToken }, form, filled);
    const reference = await loadSourceMaterial(deps, ctx.actor, ctx.loaded.story.id, {
      t,
      entities: ctx.entities,
      zone: newsroomZone(ctx.settings),
    });
    if (reference) view.reference = reference;
    view.team = await loadStoryTeamPanels(deps, c, ctx, chrome.csrfToken);
    view.desk = await buildTranslationDesk(deps, {
      story: ctx.loaded.story,
      locale: ctx.locale,
      form,
      entities: ctx.entities,
    });
    chrome.title = view.heading || t('stories.editor.title');
    return renderAdmin(c, chrome, <StoryEditorPage view={view} />, status);
  };

  app.get('/stories/:id{[0-9]+}', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const { story } = await getStory(deps.db, actor, Number(c.req.param('id')));
    return c.redirect(`/admin/stories/${story.id}/${story.sourceLocale}`, 303);
  });

  app.get(EDITOR_PATH, async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const ctx = await loadEditorContext(deps, actor, Number(c.req.param('id')), c.req.param('locale'));
    const restore = c.req.query('restore') === 'autosave';
    const scaffolded = await withTranslationScaffold(deps, ctx, formFromStory(ctx));
    const { form, offer } = await autosaveOffer(deps, ctx, scaffolded, restore);
    // `?mediaQuery=&mediaBefore=` open the picker on a search or page (a link to it).
    const picker = readPickerRequest({
      query: c.req.query('mediaQuery'),
      before: c.req.query('mediaBefore'),
      after: c.req.query('mediaAfter'),
    });
    return render(
      c,
      ctx,
      form,
      { ...(offer ? { autosave: offer } : {}), picker },
      picker.badCursor ? 422 : 200,
    );
  });

  app.post(EDITOR_PATH, async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const t = c.get('t');
    const storyId = Number(c.req.param('id'));
    const locale = c.req.param('locale');
    let ctx = await loadEditorContext(deps, actor, storyId, locale);
    const { story, scope } = ctx.loaded;
    const submitted = readEditorForm(await c.req.parseBody({ all: true }));
    const can = permissionsOf(ctx);
    const { intent, mediaQuery } = submitted;
    // Fields a person may not change arrive disabled (empty): they keep what is stored.
    const form = can.editMeta ? submitted.form : { ...submitted.form, ...metaFromStory(ctx) };

    const rearranged = rearrangeForm(form, intent);
    if (rearranged) return render(c, ctx, rearranged);
    if (intent.kind === 'media') {
      // The picker's search or paging without JavaScript: the form comes back as typed, unsaved.
      const picker = readPickerRequest({ query: mediaQuery, before: intent.before, after: intent.after });
      return render(c, ctx, form, { picker }, picker.badCursor ? 422 : 200);
    }
    const content = {
      locale,
      title: form.title,
      summary: form.summary,
      body: form.body,
      faq: filledFaq(form.faq),
      heroAlt: form.heroAlt,
    };
    if (intent.kind === 'preview') {
      const preview = await previewMarkdown(deps.db, actor, { locale, body: form.body, faq: content.faq });
      const report = await buildQaReport(deps.db, story, content, { enabledLocales: ctx.settings.locales });
      const faq = content.faq.map((item, i) => ({
        question: item.question,
        answerHtml: preview.faqAnswersHtml[i] ?? '',
      }));
      return render(c, ctx, form, {
        qa: report.findings,
        preview: { bodyHtml: preview.bodyHtml, faq, dangling: preview.danglingLinks },
      });
    }
    if (intent.kind === 'save') requirePermission(c, { action: 'story.edit', story: scope, locale });
    else requirePermission(c, { action: 'story.publish' });

    // Left empty, the hero's alt text is the image's own for this language (the media library's).
    const heroImage = /^\d+$/.test(form.heroMediaId)
      ? await findMediaById(deps.db, Number(form.heroMediaId))
      : undefined;
    const checked = validateEditorForm(form, { imageAlt: mediaAlt(heroImage, locale) });
    const errors: FormErrors = checked.ok ? {} : { ...checked.errors };
    if (can.editMeta && !ctx.sections.some((s) => s.key === form.section))
      errors.section = 'stories.error.invalid';
    const known = new Set(ctx.entities.map((e) => e.slug));
    let entities = form.entities.filter((slug) => known.has(slug));
    const proposedEntities: string[] = [];
    if (form.entityAdd.trim() !== '') {
      const added = resolveEntity(form.entityAdd, ctx.entities);
      if (added) entities = [...new Set([...entities, added.slug])];
      else {
        // A name the newsroom does not know becomes a proposal an editor reviews (entity-proposals).
        const problem = proposalProblem(form.entityAdd, can.editMeta);
        if (problem) errors.entityAdd = problem;
        else proposedEntities.push(form.entityAdd.trim());
      }
    }
    const now = deps.now();
    // The schedule is typed on the newsroom's clocks (site settings) and stored in UTC.
    const schedule =
      intent.kind === 'schedule'
        ? readScheduleTime(form.publishAt, newsroomZone(ctx.settings), now)
        : undefined;
    const publishAt = schedule?.ok ? schedule.iso : undefined;
    if (schedule && !schedule.ok) errors.publishAt = schedule.error;
    if (!checked.ok || Object.keys(errors).length > 0) return render(c, ctx, form, { errors }, 422);

    let outcome: Outcome;
    try {
      outcome = await submitStory(
        deps.db,
        actor,
        {
          ...submissionOf(ctx, { form, value: checked.value, entities, proposedEntities, publishAt }, intent),
          ...(await bylineSubmission(c, ctx)),
        },
        { now },
      );
    } catch (error) {
      // The submit is one transaction: a refusal stored none of it, so the form keeps what was typed.
      const failure = failureOf(error, t);
      if (!failure) throw error;
      if (!(error instanceof EditConflict)) return render(c, ctx, form, failure.extras, failure.status);
      // After a conflict, the next submit starts from what is stored now.
      ctx = await loadEditorContext(deps, actor, storyId, locale);
      const current = ctx.loaded.story.variants.find((v) => v.locale === locale);
      const next = {
        ...form,
        baseRevision: String(current?.revision ?? ''),
        translatedFromRevision: current ? '' : form.translatedFromRevision,
      };
      const conflict = await conflictView(deps, ctx, form);
      return render(c, ctx, next, { ...failure.extras, ...(conflict ? { conflict } : {}) }, failure.status);
    }
    // Saved: the person's autosave of this variant says nothing the revision does not.
    await discardAutosave(deps.db, actor, storyId, locale);
    await deliverOutcome(outcome, deps);
    return c.redirect(`/admin/stories/${storyId}/${locale}?notice=${NOTICE[intent.kind] ?? 'saved'}`, 303);
  });

  app.post(`${EDITOR_PATH}/preview-link`, async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const ctx = await loadEditorContext(deps, actor, Number(c.req.param('id')), c.req.param('locale'));
    const body = await c.req.parseBody();
    const hours = Number(typeof body.hours === 'string' ? body.hours : 48);
    const link = await createPreviewLink(deps.db, actor, ctx.loaded.story.id, ctx.locale, {
      now: deps.now(),
      hours: Number.isInteger(hours) ? hours : 48,
    });
    return render(c, ctx, formFromStory(ctx), { previewLink: { url: link.path, expiresAt: link.expiresAt } });
  });

  app.post(`${EDITOR_PATH}/confirm-translation`, async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const ctx = await loadEditorContext(deps, actor, Number(c.req.param('id')), c.req.param('locale'));
    requirePermission(c, { action: 'story.edit', story: ctx.loaded.scope, locale: ctx.locale });
    await confirmTranslation(
      deps.db,
      actor,
      { storyId: ctx.loaded.story.id, locale: ctx.locale },
      { now: deps.now() },
    );
    return c.redirect(`/admin/stories/${ctx.loaded.story.id}/${ctx.locale}?notice=confirmed`, 303);
  });
}
