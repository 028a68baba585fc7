import { type Actor, can } from '../../accounts/index.js';
import {
  buildQaReport,
  type EditableStory,
  getStory,
  MAX_PROPOSED_NAME_CHARS,
  type QaFinding,
  translationStateOf,
  translationStatus,
} from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import { displayLanguageName, languageName, type Translator } from '../../platform/i18n.js';
import { htmlLangTag, markdownToPlainText } from '../../publishing/index.js';
import {
  type Entity,
  findSiteSettings,
  listEntities,
  listSections,
  type Section,
  type SiteSettings,
  sectionSlug,
  storyPath,
  suggestEntities,
  type Variant,
} from '../../stories/index.js';
import { adminTimeLabel, newsroomZone, scheduleInputValue, scheduleZoneHint } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { PickerRequest } from '../media-picker-request.js';
import { editorSlugSuggestion } from '../slug-suggestion.js';
import type { EditorForm, FormErrors } from '../story-forms.js';
import { untranslatedLine } from '../translation-desk-data.js';
import type { EditorPermissions, StoryEditorView } from '../views/story-editor.js';
import type { QaLine, RenderedText, StoryActionsView } from '../views/story-editor-aside.js';
import type { AutosaveOffer, ConflictView } from '../views/story-editor-drafts.js';
import { bylineChoices } from './story-editor-byline.js';
import { buildPickerView } from './story-editor-picker.js';

// Builds the editor's view data from the story and a form: the route gathers, the view renders.

export interface EditorContext {
  actor: Actor;
  loaded: EditableStory;
  locale: string;
  settings: SiteSettings;
  sections: Section[];
  entities: Entity[];
}

export async function loadEditorContext(
  deps: NewsroomDeps,
  actor: Actor,
  storyId: number,
  locale: string,
): Promise<EditorContext> {
  const [loaded, settings, sections, entities] = await Promise.all([
    getStory(deps.db, actor, storyId),
    findSiteSettings(deps.db),
    listSections(deps.db),
    listEntities(deps.db, { proposed: 'include' }),
  ]);
  if (!settings?.locales.includes(locale)) {
    throw new DomainError('not-found', `This site is not published in "${locale}".`);
  }
  // Other stories' pending proposals are not offered here: only approved ones and this story's own.
  const tagged = new Set(loaded.story.entityIds);
  const offered = entities.filter((e) => !e.proposed || tagged.has(e.id));
  return { actor, loaded, locale, settings, sections, entities: offered };
}

function variantIn(ctx: EditorContext): Variant | undefined {
  return ctx.loaded.story.variants.find((v) => v.locale === ctx.locale);
}

export function permissionsOf(
  ctx: EditorContext,
): EditorPermissions & { delete: boolean; previewLink: boolean } {
  const { actor, loaded, locale } = ctx;
  const edit = can(actor, { action: 'story.edit', story: loaded.scope, locale });
  const publish = can(actor, { action: 'story.publish' });
  return {
    edit,
    editMeta: can(actor, { action: 'story.edit', story: loaded.scope, locale: loaded.story.sourceLocale }),
    publish,
    overrideQa: can(actor, { action: 'qa.override' }),
    delete: can(actor, { action: 'story.delete' }),
    previewLink: edit || publish,
  };
}

/** A localized value in the UI language, else the story's, else any; the fallback's key otherwise. */
function pick<T>(values: Record<string, T>, preferred: string[]): T | undefined {
  for (const locale of preferred) if (values[locale] !== undefined) return values[locale];
  return Object.values(values)[0];
}

export function entityLabel(entity: Entity, uiLocale: string): string {
  return pick(entity.translations, [uiLocale, 'en'])?.name ?? entity.slug;
}

export function sectionLabel(section: Section, uiLocale: string): string {
  return pick(section.translations, [uiLocale, 'en'])?.name ?? section.key;
}

/** An entity typed into the add field: its slug, or any name or alias in any language. */
export function resolveEntity(text: string, entities: Entity[]): Entity | undefined {
  const wanted = text.normalize('NFKC').trim().toLowerCase();
  if (wanted === '') return undefined;
  return entities.find(
    (e) =>
      e.slug === wanted ||
      Object.values(e.translations).some((t) =>
        [t.name, ...t.aliases].some((n) => n.normalize('NFKC').trim().toLowerCase() === wanted),
      ),
  );
}

/** Why a typed name cannot become a proposal, as a message key; undefined when it can. */
export function proposalProblem(text: string, mayEditDetails: boolean): string | undefined {
  if (!mayEditDetails) return 'stories.error.unknownEntity';
  if (text.trim().length > MAX_PROPOSED_NAME_CHARS) return 'stories.error.entityNameTooLong';
  return undefined;
}

/** A language's name in the admin's UI language (`en` in zh → 英语). */
const languageIn = displayLanguageName;

export function formFromStory(ctx: EditorContext): EditorForm {
  const { story } = ctx.loaded;
  const variant = variantIn(ctx);
  const source = story.variants.find((v) => v.locale === story.sourceLocale);
  return {
    title: variant?.title ?? '',
    slug: variant?.slug ?? '',
    summary: variant?.summary ?? '',
    body: variant?.bodyMarkdown ?? '',
    heroAlt: variant?.heroAlt ?? '',
    faq: variant?.faq.map((item) => ({ ...item })) ?? [],
    ...metaFromStory(ctx),
    entityAdd: '',
    publishAt: scheduleInputValue(variant?.publishAt, newsroomZone(ctx.settings)),
    qaOverrideReason: '',
    baseRevision: variant ? String(variant.revision) : '',
    translatedFromRevision: variant ? '' : String(source?.revision ?? ''),
  };
}

/** The story-wide fields as stored (a person who may not change them gets these back). */
export function metaFromStory(
  ctx: EditorContext,
): Pick<EditorForm, 'section' | 'entities' | 'sources' | 'heroMediaId'> {
  const { story } = ctx.loaded;
  return {
    section: ctx.sections.find((s) => s.id === story.sectionId)?.key ?? '',
    entities: story.entityIds.flatMap((id) => ctx.entities.find((e) => e.id === id)?.slug ?? []),
    sources: story.sources.map((s) => ({
      url: s.url,
      publisher: s.publisher,
      author: s.author,
      date: s.publishedAt ? s.publishedAt.slice(0, 10) : '',
    })),
    heroMediaId: story.heroMediaId === null ? '' : String(story.heroMediaId),
  };
}

export function qaLines(t: Translator, findings: QaFinding[]): QaLine[] {
  return findings.map((f): QaLine => {
    switch (f.kind) {
      case 'language': {
        const location = t(`stories.qa.field.${f.field}`, { index: f.index ?? 0 });
        return {
          severity: f.severity,
          text: t('stories.qa.language', {
            location,
            detected: languageIn(f.detected, t.locale),
            expected: languageIn(f.expected, t.locale),
            excerpt: f.excerpt,
          }),
        };
      }
      case 'hero-alt-missing':
        return { severity: f.severity, text: t('stories.qa.heroAlt') };
      case 'untranslated':
        return { severity: f.severity, text: untranslatedLine(t, f) };
      case 'dangling-link':
        return { severity: f.severity, text: t('stories.qa.dangling', { reference: f.reference }) };
      default:
        return {
          severity: f.severity,
          text: t('stories.qa.missing', { language: languageIn(f.locale, t.locale) }),
        };
    }
  });
}

export interface EditorExtras {
  errors?: FormErrors;
  formError?: string;
  /** Findings to show instead of those of the stored variant (a refused publish, a preview). */
  qa?: QaFinding[];
  preview?: RenderedText & { dangling: string[] };
  previewLink?: { url: string; expiresAt: string };
  autosave?: AutosaveOffer;
  conflict?: ConflictView;
  /** The hero picker's search and page (the newest images when absent). */
  picker?: PickerRequest;
}

function publicHref(ctx: EditorContext, variant: Variant | undefined): string | undefined {
  if (variant?.status !== 'published') return undefined;
  const section = ctx.sections.find((s) => s.id === ctx.loaded.story.sectionId);
  return section ? storyPath(variant.locale, sectionSlug(section, variant.locale), variant.slug) : undefined;
}

export async function buildEditorView(
  deps: NewsroomDeps,
  ctx: EditorContext & { t: Translator; csrfToken: string | undefined },
  form: EditorForm,
  extras: EditorExtras = {},
): Promise<StoryEditorView> {
  const { t, locale } = ctx;
  const { story } = ctx.loaded;
  const variant = variantIn(ctx);
  const can = permissionsOf(ctx);
  const base = `/admin/stories/${story.id}`;
  const translation =
    variant && locale !== story.sourceLocale ? await translationStateOf(deps.db, story, locale) : undefined;
  const source = story.variants.find((v) => v.locale === story.sourceLocale);
  const slugSuggestion = await editorSlugSuggestion({
    locale,
    title: form.title,
    slug: form.slug,
    variants: story.variants,
  });
  let qa = extras.qa;
  if (!qa && variant) {
    qa = (
      await buildQaReport(deps.db, story, variantContent(variant), { enabledLocales: ctx.settings.locales })
    ).findings;
  }
  const checked = new Set(form.entities);
  const suggestions = suggestEntities(
    [
      form.title,
      form.summary,
      markdownToPlainText(form.body),
      ...form.faq.flatMap((f) => [f.question, f.answer]),
    ],
    ctx.entities,
    ctx.entities.filter((e) => checked.has(e.slug)).map((e) => e.id),
  );
  const more: StoryActionsView = {
    ...(variant ? { revisionsHref: `${base}/revisions?locale=${encodeURIComponent(locale)}` } : {}),
    ...(variant && can.previewLink ? { previewLinkAction: `${base}/${locale}/preview-link` } : {}),
    ...(can.delete ? { deleteAction: `${base}/delete` } : {}),
    ...(publicHref(ctx, variant) ? { publicHref: publicHref(ctx, variant) as string } : {}),
    ...(extras.previewLink
      ? {
          previewLink: {
            url: `${deps.config.siteUrl}${extras.previewLink.url}`,
            expiresLabel: adminTimeLabel(extras.previewLink.expiresAt, newsroomZone(ctx.settings)),
          },
        }
      : {}),
  };
  return {
    t,
    csrfToken: ctx.csrfToken,
    action: `${base}/${locale}`,
    heading: variant?.title ?? source?.title ?? '',
    locale,
    lang: htmlLangTag(locale),
    localeLabel: languageName(locale),
    isNew: !variant,
    tabs: ctx.settings.locales.map((l) => {
      const v = story.variants.find((x) => x.locale === l);
      return {
        locale: l,
        label: languageName(l),
        href: `${base}/${l}`,
        current: l === locale,
        status: v?.status ?? 'missing',
        stale: translationStatus(story, l) === 'stale',
      };
    }),
    status: variant?.status ?? 'missing',
    revision: variant?.revision ?? null,
    ...(variant?.status === 'scheduled' && variant.publishAt
      ? { scheduledLabel: adminTimeLabel(variant.publishAt, newsroomZone(ctx.settings)) }
      : {}),
    scheduleZoneHint: scheduleZoneHint(t, newsroomZone(ctx.settings), deps.now()),
    ...(slugSuggestion ? { slugSuggestion } : {}),
    form,
    errors: extras.errors ?? {},
    ...(extras.formError ? { formError: extras.formError } : {}),
    sections: ctx.sections.map((s) => ({ value: s.key, label: sectionLabel(s, t.locale) })),
    entities: ctx.entities.map((e) => ({
      slug: e.slug,
      label: entityLabel(e, t.locale),
      checked: checked.has(e.slug),
      ...(e.proposed ? { pending: true } : {}),
    })),
    datalist: ctx.entities.map((e) => ({
      value: e.slug,
      label: [...new Set(Object.values(e.translations).map((x) => x.name))].join(' · '),
    })),
    suggestions: suggestions.map((s) => {
      const entity = ctx.entities.find((e) => e.id === s.entityId) as Entity;
      return { slug: s.slug, label: entityLabel(entity, t.locale), matched: s.matched };
    }),
    media: await buildPickerView(deps, {
      locale,
      heroMediaId: form.heroMediaId,
      request: extras.picker ?? { query: '' },
    }),
    ...(qa ? { qa: qaLines(t, qa) } : {}),
    ...(extras.preview ? { preview: { ...extras.preview, title: form.title } } : {}),
    ...(source && locale !== story.sourceLocale
      ? {
          source: {
            label: languageName(source.locale),
            lang: htmlLangTag(source.locale),
            title: source.title,
            summary: source.summary,
            revision: source.revision,
            bodyHtml: source.bodyHtml,
            faq: source.faq.map((item, i) => ({
              question: item.question,
              answerHtml: source.faqAnswersHtml[i] ?? '',
            })),
          },
        }
      : {}),
    ...(translation
      ? {
          translation: {
            stale: translation.stale,
            sourceLabel: languageName(story.sourceLocale),
            sourceRevision: translation.sourceRevision,
            translatedFromRevision: translation.translatedFromRevision,
            diff: translation.sourceDiff,
            sourceLang: htmlLangTag(story.sourceLocale),
            ...(can.edit ? { confirmAction: `${base}/${locale}/confirm-translation` } : {}),
          },
        }
      : {}),
    can,
    more,
    ...(extras.autosave ? { autosave: extras.autosave } : {}),
    ...(extras.conflict ? { conflict: extras.conflict } : {}),
    ...(await bylineChoices(deps, ctx)),
  };
}

function variantContent(variant: Variant) {
  return {
    locale: variant.locale,
    title: variant.title,
    summary: variant.summary,
    body: variant.bodyMarkdown,
    faq: variant.faq,
    heroAlt: variant.heroAlt,
  };
}
