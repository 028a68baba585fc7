import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import { can } from '../../accounts/index.js';
import {
  createStory,
  type DeskStory,
  InvalidInput,
  listDeskStories,
  previewMarkdown,
} from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import { languageName } from '../../platform/i18n.js';
import { htmlLangTag } from '../../publishing/index.js';
import { findSiteSettings, listSections, type Section, SlugTaken } from '../../stories/index.js';
import { adminTimeLabel, loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  type FormErrors,
  type NewStoryForm,
  readNewStoryForm,
  validateNewStoryForm,
} from '../story-forms.js';
import { StoryList, type StoryListRow } from '../views/story-list.js';
import { NewStoryPage } from '../views/story-new.js';
import { storyEditorRoutes } from './story-editor.js';
import { storyEditorAutosaveRoutes } from './story-editor-autosave.js';
import { sectionLabel } from './story-editor-data.js';
import { storyHistoryRoutes } from './story-history.js';
import { translationDeskRoutes } from './translation-desk.js';

type C = Context<NewsroomEnv>;

const PAGE_SIZE = 25;

// Unknown filter values are ignored rather than refused: a hand-edited URL still lists stories.
const ListQuery = z.object({
  section: z.string().regex(/^\d+$/).optional().catch(undefined),
  status: z.enum(['draft', 'scheduled', 'published', 'unpublished']).optional().catch(undefined),
  locale: z.string().max(35).optional().catch(undefined),
  translation: z.enum(['missing', 'stale', 'current']).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** The title in the person's language, else the story's source language, else any. */
function titleFor(story: DeskStory, uiLocale: string): { title: string; locale: string } {
  const variant =
    story.variants.find((v) => v.locale === uiLocale) ??
    story.variants.find((v) => v.locale === story.sourceLocale) ??
    story.variants[0];
  return { title: variant?.title ?? `#${story.id}`, locale: variant?.locale ?? story.sourceLocale };
}

function listRow(
  story: DeskStory,
  locales: string[],
  sections: Section[],
  uiLocale: string,
  zone: string,
): StoryListRow {
  const { title, locale } = titleFor(story, uiLocale);
  const section = sections.find((s) => s.id === story.sectionId);
  return {
    id: story.id,
    title,
    ...(locale !== uiLocale ? { titleLang: htmlLangTag(locale) } : {}),
    href: `/admin/stories/${story.id}/${locale}`,
    section: section ? sectionLabel(section, uiLocale) : '',
    locales: locales.map((l) => {
      const variant = story.variants.find((v) => v.locale === l);
      return {
        locale: l,
        label: languageName(l),
        status: variant?.status ?? 'missing',
        stale: variant?.translation === 'stale',
        href: `/admin/stories/${story.id}/${l}`,
        ...(variant?.status === 'scheduled' && variant.publishAt
          ? { scheduled: { iso: variant.publishAt, label: adminTimeLabel(variant.publishAt, zone) } }
          : {}),
      };
    }),
    updatedAt: story.updatedAt,
    updatedLabel: adminTimeLabel(story.updatedAt, zone),
    author: story.author ? story.author.displayName || story.author.email : '',
  };
}

export function storiesRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/stories', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const t = c.get('t');
    const query = ListQuery.parse(c.req.query());
    const page = query.page ?? 1;
    const [desk, sections, zone] = await Promise.all([
      listDeskStories(deps.db, actor, {
        ...(query.section ? { sectionId: Number(query.section) } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.locale ? { locale: query.locale } : {}),
        ...(query.translation ? { translation: query.translation } : {}),
        ...(query.q ? { query: query.q } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      listSections(deps.db),
      loadNewsroomZone(deps.db),
    ]);
    const pages = Math.max(1, Math.ceil(desk.total / PAGE_SIZE));
    const pageHref = (n: number) => {
      const params = new URLSearchParams(
        Object.entries({ ...query, page: String(n) }).flatMap(([k, v]) =>
          v === undefined || v === '' ? [] : [[k, String(v)]],
        ),
      );
      return `/admin/stories?${params}`;
    };
    const view = {
      t,
      filters: {
        section: query.section ?? '',
        status: query.status ?? '',
        locale: query.locale ?? '',
        translation: query.translation ?? '',
        q: query.q ?? '',
      },
      options: {
        sections: sections.map((s) => ({ value: String(s.id), label: sectionLabel(s, t.locale) })),
        locales: desk.locales.map((l) => ({ value: l, label: languageName(l) })),
      },
      rows: desk.stories.map((s) => listRow(s, desk.locales, sections, t.locale, zone)),
      total: desk.total,
      page,
      pages,
      ...(page > 1 ? { previousHref: pageHref(page - 1) } : {}),
      ...(page < pages ? { nextHref: pageHref(page + 1) } : {}),
      canCreate: can(actor, { action: 'story.create' }),
    };
    return renderAdmin(c, adminChrome(c, deps, t('stories.list.heading')), <StoryList view={view} />);
  });

  const renderNew = async (
    c: C,
    form: NewStoryForm,
    errors: FormErrors = {},
    formError?: string,
    status: 200 | 422 = 200,
  ) => {
    const t = c.get('t');
    const [settings, sections] = await Promise.all([findSiteSettings(deps.db), listSections(deps.db)]);
    const chrome = adminChrome(c, deps, t('stories.new.heading'));
    const view = {
      t,
      csrfToken: chrome.csrfToken,
      form,
      errors,
      ...(formError ? { formError } : {}),
      sections: sections.map((s) => ({ value: s.key, label: sectionLabel(s, t.locale) })),
      locales: (settings?.locales ?? []).map((l) => ({ value: l, label: languageName(l) })),
    };
    return renderAdmin(c, chrome, <NewStoryPage view={view} />, status);
  };

  app.get('/stories/new', async (c) => {
    requirePermission(c, { action: 'story.create' });
    const settings = await findSiteSettings(deps.db);
    // Most stories are written in the site's main language, whatever language the admin is shown in.
    const sourceLocale = settings?.defaultLocale ?? settings?.locales[0] ?? '';
    return renderNew(c, { section: '', sourceLocale, title: '', slug: '', summary: '', body: '' });
  });

  app.post('/stories/new', async (c) => {
    const actor = requirePermission(c, { action: 'story.create' });
    const t = c.get('t');
    const form = readNewStoryForm(await c.req.parseBody());
    const [settings, sections] = await Promise.all([findSiteSettings(deps.db), listSections(deps.db)]);
    const checked = validateNewStoryForm(form, {
      sections: sections.map((s) => s.key),
      locales: settings?.locales ?? [],
    });
    if (!checked.ok) return renderNew(c, form, checked.errors, undefined, 422);
    const { value } = checked;
    try {
      const created = await createStory(
        deps.db,
        actor,
        {
          section: value.section,
          sourceLocale: value.sourceLocale,
          variant: { title: value.title, slug: value.slug, summary: value.summary, body: value.body },
        },
        { now: deps.now() },
      );
      return c.redirect(`/admin/stories/${created.storyId}/${created.locale}?notice=created`, 303);
    } catch (error) {
      if (error instanceof SlugTaken)
        return renderNew(c, form, { slug: 'stories.error.slugTaken' }, undefined, 422);
      if (error instanceof DomainError && (error instanceof InvalidInput || error.kind === 'invalid')) {
        return renderNew(c, form, {}, t('stories.error.invalidInput', { detail: error.message }), 422);
      }
      throw error;
    }
  });

  // The editor's live preview (admin.js): the body rendered as the site renders it, sanitised
  // (raw HTML off), with a warning for links to stories that do not exist.
  app.post('/stories/preview-markdown', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const t = c.get('t');
    const body = await c.req.parseBody();
    const locale = typeof body.locale === 'string' ? body.locale : '';
    const markdown = typeof body.body === 'string' ? body.body : '';
    const preview = await previewMarkdown(deps.db, actor, { locale, body: markdown });
    const warning =
      preview.danglingLinks.length > 0 ? (
        <p class="notice notice-warning">
          {t('stories.preview.dangling', { links: preview.danglingLinks.join(', ') })}
        </p>
      ) : null;
    const html = (
      <>
        {warning}
        {raw(preview.bodyHtml)}
      </>
    ).toString();
    return c.html(html, 200, { 'cache-control': 'no-store' });
  });

  storyHistoryRoutes(app, deps);
  storyEditorAutosaveRoutes(app, deps);
  translationDeskRoutes(app, deps);
  storyEditorRoutes(app, deps);
}
