import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { Actor } from '../../accounts/index.js';
import {
  deliverNamesOutcome,
  formLocales,
  InvalidFields,
  type NamesOutcome,
  type SavedRecord,
  SectionInUse,
  siteSettingsOrThrow,
} from '../../editorial/index.js';
import type { Database } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import { languageName, type Translator } from '../../platform/i18n.js';
import type { Locale } from '../../platform/locale.js';
import type { NewsroomDeps } from '../deps.js';
import { type FormBody, translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import type { LocaleLabel } from '../views/taxonomy-pages.js';

type C = Context<NewsroomEnv>;
type Db = Kysely<Database>;

/** What every taxonomy record's form page shows, whatever the record. */
export interface RecordFormView<Fields> {
  t: Translator;
  csrfToken: string | undefined;
  heading: string;
  action: string;
  isNew: boolean;
  values: Fields;
  locales: LocaleLabel[];
  defaultLocale: string;
  errors: Record<string, string>;
}

/**
 * What differs between the section and the entity pages; the routes below are the same for both.
 * `Fields` is the record as typed, which editorial's use cases check and save.
 */
export interface RecordKind<R extends { id: number; translations: Record<Locale, unknown> }, Fields> {
  /** The path under /admin: `sections`, `entities`. */
  path: string;
  find(db: Db, id: number): Promise<R | undefined>;
  blank(locales: Locale[]): Fields;
  toFields(record: R, locales: Locale[]): Fields;
  /** What the form sent; the fixed identity of an existing record (key, slug) is kept. */
  fromBody(body: FormBody, locales: Locale[], editing: R | undefined): Fields;
  heading(t: Translator, editing: R | undefined): string;
  page(view: RecordFormView<Fields>): Child;
  save(db: Db, actor: Actor, request: { id?: number; fields: Fields }, now: Date): Promise<SavedRecord>;
  remove(db: Db, actor: Actor, id: number, now: Date): Promise<NamesOutcome>;
}

const MANAGE = { action: 'taxonomy.manage' } as const;

/** Locales as the taxonomy and settings forms label them: their own name and their tag. */
export function localeLabels(tags: Locale[]): LocaleLabel[] {
  return tags.map((tag) => ({ tag, label: languageName(tag) }));
}

/**
 * A taxonomy record's pages: the form for a new one, the form of an existing one, saving either,
 * and deleting. The checks, the write and its audit entry are editorial's; this reads the form,
 * shows refused fields again with status 422, and delivers the outcome.
 *
 *   GET /{path}/new · POST /{path} · GET/POST /{path}/:id · POST /{path}/:id/delete
 */
export function recordRoutes<R extends { id: number; translations: Record<Locale, unknown> }, Fields>(
  app: Hono<NewsroomEnv>,
  deps: NewsroomDeps,
  kind: RecordKind<R, Fields>,
): void {
  const base = `/admin/${kind.path}`;

  const recordOrThrow = async (id: number): Promise<R> => {
    const record = await kind.find(deps.db, id);
    if (!record) throw new DomainError('not-found', `No ${kind.path} #${id}.`);
    return record;
  };

  const render = async (
    c: C,
    form: { values: Fields; editing?: R | undefined; errors?: Record<string, string> },
    status: 200 | 409 | 422 = 200,
  ): Promise<Response> => {
    const t = c.get('t');
    const settings = await siteSettingsOrThrow(deps.db);
    const locales = formLocales(settings.locales, Object.keys(form.editing?.translations ?? {}));
    const heading = kind.heading(t, form.editing);
    const chrome = adminChrome(c, deps, heading);
    const view: RecordFormView<Fields> = {
      t,
      csrfToken: chrome.csrfToken,
      heading,
      action: form.editing ? `${base}/${form.editing.id}` : base,
      isNew: !form.editing,
      values: form.values,
      locales: localeLabels(locales),
      defaultLocale: settings.defaultLocale,
      errors: form.errors ?? {},
    };
    return renderAdmin(c, chrome, kind.page(view), status);
  };

  const save = async (c: C, editing: R | undefined): Promise<Response> => {
    const actor = requirePermission(c, MANAGE);
    const settings = await siteSettingsOrThrow(deps.db);
    const locales = formLocales(settings.locales, Object.keys(editing?.translations ?? {}));
    const fields = kind.fromBody(await c.req.parseBody(), locales, editing);
    try {
      const saved = await kind.save(
        deps.db,
        actor,
        { ...(editing ? { id: editing.id } : {}), fields },
        deps.now(),
      );
      await deliverNamesOutcome(saved.outcome, deps);
      return c.redirect(`${base}/${saved.id}?notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      return render(c, { values: fields, editing, errors: translateErrors(error.fields, c.get('t')) }, 422);
    }
  };

  app.get(`/${kind.path}/new`, async (c) => {
    requirePermission(c, MANAGE);
    const settings = await siteSettingsOrThrow(deps.db);
    return render(c, { values: kind.blank(settings.locales) });
  });

  app.post(`/${kind.path}`, (c) => save(c, undefined));

  app.get(`/${kind.path}/:id`, async (c) => {
    requirePermission(c, MANAGE);
    const record = await recordOrThrow(idParam(c));
    const settings = await siteSettingsOrThrow(deps.db);
    const locales = formLocales(settings.locales, Object.keys(record.translations));
    return render(c, { values: kind.toFields(record, locales), editing: record });
  });

  app.post(`/${kind.path}/:id`, async (c) => {
    requirePermission(c, MANAGE);
    return save(c, await recordOrThrow(idParam(c)));
  });

  app.post(`/${kind.path}/:id/delete`, async (c) => {
    const actor = requirePermission(c, MANAGE);
    const record = await recordOrThrow(idParam(c));
    try {
      const outcome = await kind.remove(deps.db, actor, record.id, deps.now());
      await deliverNamesOutcome(outcome, deps);
    } catch (error) {
      if (!(error instanceof SectionInUse)) throw error;
      // The refusal shows on the record's own form, where the person can act on it.
      const settings = await siteSettingsOrThrow(deps.db);
      const locales = formLocales(settings.locales, Object.keys(record.translations));
      const form = c.get('t')('taxonomy.error.sectionInUse', { count: error.stories });
      return render(c, { values: kind.toFields(record, locales), editing: record, errors: { form } }, 409);
    }
    return c.redirect(`${base}?notice=deleted`, 303);
  });
}
