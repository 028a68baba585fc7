import type { Hono } from 'hono';
import { deleteSection, formLocales, saveSection, siteSettingsOrThrow } from '../../editorial/index.js';
import { listSections, type Section } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { type SectionFormValues, sectionFormValues, sectionToFormValues } from '../taxonomy-forms.js';
import { SectionFormPage, SectionListPage } from '../views/taxonomy-pages.js';
import { type RecordKind, recordRoutes } from './taxonomy-records.js';

const sections: RecordKind<Section, SectionFormValues> = {
  path: 'sections',
  find: async (db, id) => (await listSections(db)).find((s) => s.id === id),
  blank: (locales) => ({
    key: '',
    position: '',
    translations: Object.fromEntries(locales.map((l) => [l, { name: '', slug: '', description: '' }])),
  }),
  toFields: sectionToFormValues,
  // The key of an existing section is not a field of its form.
  fromBody: (body, locales, editing) => {
    const typed = sectionFormValues(body, locales);
    return editing ? { ...typed, key: editing.key } : typed;
  },
  heading: (t, editing) =>
    editing ? t('taxonomy.sections.editHeading', { key: editing.key }) : t('taxonomy.sections.newHeading'),
  page: (view) => <SectionFormPage view={view} />,
  save: saveSection,
  remove: deleteSection,
};

/** Sections: the list, a new one, and one section's names, slugs and descriptions per locale. */
export function sectionRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/sections', async (c) => {
    requirePermission(c, { action: 'taxonomy.manage' });
    const t = c.get('t');
    const [settings, all] = await Promise.all([siteSettingsOrThrow(deps.db), listSections(deps.db)]);
    const view = {
      t,
      sections: all.map((s) => ({
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
  recordRoutes(app, deps, sections);
}
