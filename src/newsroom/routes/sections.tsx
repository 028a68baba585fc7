import type { Context, Hono } from 'hono';
import { recordAudit } from '../../accounts/index.js';
import { DomainError } from '../../platform/errors.js';
import { listSections, type Section, upsertSection } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import { translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  formLocales,
  parseSectionForm,
  type SectionFormValues,
  sectionFormValues,
  sectionToFormValues,
} from '../taxonomy-forms.js';
import { SectionFormPage, SectionListPage } from '../views/taxonomy-pages.js';
import { localeLabels, NO_STORIES, siteSettingsOrThrow } from './taxonomy-context.js';

type C = Context<NewsroomEnv>;

async function sectionOrThrow(deps: NewsroomDeps, id: number): Promise<{ section: Section; all: Section[] }> {
  const all = await listSections(deps.db);
  const section = all.find((s) => s.id === id);
  if (!section) throw new DomainError('not-found', `No section #${id}.`);
  return { section, all };
}

async function renderForm(
  c: C,
  deps: NewsroomDeps,
  form: { values: SectionFormValues; editing?: Section; errors?: Record<string, string> },
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const settings = await siteSettingsOrThrow(deps);
  const locales = formLocales(settings.locales, Object.keys(form.editing?.translations ?? {}));
  const heading = form.editing
    ? t('taxonomy.sections.editHeading', { key: form.editing.key })
    : t('taxonomy.sections.newHeading');
  const chrome = adminChrome(c, deps, heading);
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    heading,
    action: form.editing ? `/admin/sections/${form.editing.id}` : '/admin/sections',
    isNew: !form.editing,
    values: form.values,
    locales: localeLabels(locales),
    defaultLocale: settings.defaultLocale,
    errors: form.errors ?? {},
  };
  return renderAdmin(c, chrome, <SectionFormPage view={view} />, status);
}

async function save(c: C, deps: NewsroomDeps, editing: Section | undefined): Promise<Response> {
  const actor = requirePermission(c, { action: 'taxonomy.manage' });
  const t = c.get('t');
  const [settings, sections] = await Promise.all([siteSettingsOrThrow(deps), listSections(deps.db)]);
  const locales = formLocales(settings.locales, Object.keys(editing?.translations ?? {}));
  const typed = sectionFormValues(await c.req.parseBody(), locales);
  // The key of an existing section is not a field of its form.
  const values = editing ? { ...typed, key: editing.key } : typed;
  const parsed = parseSectionForm(values, {
    locales,
    defaultLocale: settings.defaultLocale,
    sections,
    ...(editing ? { editing } : {}),
  });
  if (!parsed.ok) {
    const errors = translateErrors(parsed.errors, t);
    return renderForm(c, deps, { values, ...(editing ? { editing } : {}), errors }, 422);
  }
  const now = deps.now();
  const id = await deps.db.transaction().execute((trx) => upsertSection(trx, parsed.value, now));
  await recordAudit(
    deps.db,
    {
      actor,
      action: 'section.save',
      subject: { kind: 'section', id },
      summary: parsed.value.key,
      details: { created: !editing, locales: Object.keys(parsed.value.translations) },
    },
    now,
  );
  await deps.contentChanged({ ...NO_STORIES, sectionIds: [id] }, { taxonomy: true });
  return c.redirect(`/admin/sections/${id}?notice=saved`, 303);
}

/** Sections: the list, a new one, and one section's names, slugs and descriptions per locale. */
export function sectionRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/sections', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const t = c.get('t');
    const [settings, sections] = await Promise.all([siteSettingsOrThrow(deps), listSections(deps.db)]);
    const view = {
      t,
      sections: sections.map((s) => ({
        href: `/admin/sections/${s.id}`,
        key: s.key,
        position: s.position,
        names: formLocales(settings.locales, Object.keys(s.translations)).flatMap((tag) => {
          const tr = s.translations[tag];
          return tr ? [{ tag, name: tr.name, slug: tr.slug }] : [];
        }),
      })),
    };
    const chrome = adminChrome(c, deps, t('taxonomy.sections.heading'));
    return renderAdmin(c, chrome, <SectionListPage view={view} />);
  });

  app.get('/sections/new', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const settings = await siteSettingsOrThrow(deps);
    const values: SectionFormValues = {
      key: '',
      position: '',
      translations: Object.fromEntries(
        settings.locales.map((l) => [l, { name: '', slug: '', description: '' }]),
      ),
    };
    return renderForm(c, deps, { values });
  });

  app.post('/sections', (c) => save(c, deps, undefined));

  app.get('/sections/:id', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const { section } = await sectionOrThrow(deps, idParam(c));
    const settings = await siteSettingsOrThrow(deps);
    const values = sectionToFormValues(
      section,
      formLocales(settings.locales, Object.keys(section.translations)),
    );
    return renderForm(c, deps, { values, editing: section });
  });

  app.post('/sections/:id', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const { section } = await sectionOrThrow(deps, idParam(c));
    return save(c, deps, section);
  });
}
