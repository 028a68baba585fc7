import type { Translator } from '../../platform/i18n.js';
import type { EntityFormValues, SectionFormValues } from '../taxonomy-forms.js';
import { CsrfField, Field } from './admin-layout.js';
import { SelectField } from './form-controls.js';
import { Pager, type PagerView } from './pager.js';

/** A locale as forms label it: its own name and its tag (中文 · zh). */
export interface LocaleLabel {
  tag: string;
  label: string;
}

function FormErrorSummary({ t, errors }: { t: Translator; errors: Record<string, string> }) {
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return (
    <p class="notice notice-error" role="alert">
      {errors.form ?? t('settings.error.summary', { count })}
    </p>
  );
}

/** Below an existing record's form: deleting it, after the browser asks to confirm. */
function DeleteRecordForm({
  t,
  kind,
  action,
  csrfToken,
}: {
  t: Translator;
  kind: 'section' | 'entity';
  action: string;
  csrfToken: string | undefined;
}) {
  return (
    <form
      method="post"
      action={`${action}/delete`}
      class="panel"
      data-confirm={t(
        kind === 'section' ? 'taxonomy.deleteConfirm.section' : 'taxonomy.deleteConfirm.entity',
      )}
    >
      <CsrfField token={csrfToken} />
      <p>{t(kind === 'section' ? 'taxonomy.deleteHint.section' : 'taxonomy.deleteHint.entity')}</p>
      <button type="submit" class="button">
        {t('taxonomy.delete')}
      </button>
    </form>
  );
}

// --- Sections ----------------------------------------------------------------------------------

export interface SectionListView {
  t: Translator;
  sections: {
    href: string;
    key: string;
    position: number;
    names: { tag: string; name: string; slug: string }[];
  }[];
}

export function SectionListPage({ view }: { view: SectionListView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('taxonomy.sections.heading')}</h1>
      <p class="actions">
        <a class="button button-primary" href="/admin/sections/new">
          {t('taxonomy.sections.new')}
        </a>
      </p>
      {view.sections.length === 0 ? (
        <p class="muted">{t('taxonomy.sections.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('taxonomy.field.key')}</th>
                <th scope="col">{t('taxonomy.field.position')}</th>
                <th scope="col">{t('taxonomy.field.namesAndSlugs')}</th>
              </tr>
            </thead>
            <tbody>
              {view.sections.map((section) => (
                <tr>
                  <td>
                    <a href={section.href}>{section.key}</a>
                  </td>
                  <td>{section.position}</td>
                  <td>
                    <ul class="plain-list">
                      {section.names.map((n) => (
                        <li>
                          <span lang={n.tag}>{n.name}</span>{' '}
                          <code>
                            /{n.tag}/{n.slug}/
                          </code>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export interface SectionFormView {
  t: Translator;
  csrfToken: string | undefined;
  heading: string;
  action: string;
  isNew: boolean;
  values: SectionFormValues;
  locales: LocaleLabel[];
  defaultLocale: string;
  errors: Record<string, string>;
}

export function SectionFormPage({ view }: { view: SectionFormView }) {
  const { t, values, errors } = view;
  return (
    <>
      <p>
        <a href="/admin/sections">{t('taxonomy.sections.back')}</a>
      </p>
      <h1>{view.heading}</h1>
      <FormErrorSummary t={t} errors={errors} />
      <form method="post" action={view.action} class="panel">
        <CsrfField token={view.csrfToken} />
        {view.isNew ? (
          <Field
            name="key"
            label={t('taxonomy.field.key')}
            hint={t('taxonomy.field.keyHint')}
            value={values.key}
            error={errors.key}
            required
          />
        ) : (
          <p>
            {t('taxonomy.field.key')}: <code>{values.key}</code>
          </p>
        )}
        <Field
          name="position"
          label={t('taxonomy.field.position')}
          hint={t('taxonomy.field.positionHint')}
          value={values.position}
          error={errors.position}
        />
        {view.locales.map((locale) => {
          const v = values.translations[locale.tag] ?? { name: '', slug: '', description: '' };
          return (
            <fieldset>
              <legend>
                {locale.label} <code>{locale.tag}</code>
                {locale.tag === view.defaultLocale ? ` · ${t('taxonomy.defaultLocale')}` : ''}
              </legend>
              <Field
                name={`name.${locale.tag}`}
                label={t('taxonomy.field.name')}
                value={v.name}
                error={errors[`name.${locale.tag}`]}
                lang={locale.tag}
              />
              <Field
                name={`slug.${locale.tag}`}
                label={t('taxonomy.field.slug')}
                hint={t('taxonomy.field.slugHint')}
                value={v.slug}
                error={errors[`slug.${locale.tag}`]}
                lang={locale.tag}
              />
              <Field
                name={`description.${locale.tag}`}
                label={t('taxonomy.field.description')}
                value={v.description}
                error={errors[`description.${locale.tag}`]}
                multiline={3}
                lang={locale.tag}
              />
            </fieldset>
          );
        })}
        <button type="submit" class="button button-primary">
          {t('taxonomy.save')}
        </button>
      </form>
      {view.isNew ? null : (
        <DeleteRecordForm t={t} kind="section" action={view.action} csrfToken={view.csrfToken} />
      )}
    </>
  );
}

// --- Entities ----------------------------------------------------------------------------------

export interface EntityListView {
  t: Translator;
  query: string;
  kind: string;
  kinds: { value: string; label: string }[];
  total: number;
  entities: {
    href: string;
    slug: string;
    kindLabel: string;
    names: { tag: string; name: string }[];
    aliasCount: number;
  }[];
  pager: PagerView;
}

export function EntityListPage({ view }: { view: EntityListView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('taxonomy.entities.heading')}</h1>
      <p class="actions">
        <a class="button button-primary" href="/admin/entities/new">
          {t('taxonomy.entities.new')}
        </a>
      </p>
      <form method="get" action="/admin/entities" class="filters">
        <Field name="q" type="search" label={t('taxonomy.entities.search')} value={view.query} />
        <SelectField
          name="kind"
          label={t('taxonomy.field.kind')}
          value={view.kind}
          options={[{ value: '', label: t('taxonomy.entities.anyKind') }, ...view.kinds]}
        />
        <button type="submit" class="button">
          {t('taxonomy.entities.searchSubmit')}
        </button>
      </form>
      <p class="muted">{t('taxonomy.entities.count', { count: view.total })}</p>
      {view.entities.length === 0 ? null : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('taxonomy.field.slug')}</th>
                <th scope="col">{t('taxonomy.field.kind')}</th>
                <th scope="col">{t('taxonomy.field.names')}</th>
                <th scope="col">{t('taxonomy.field.aliases')}</th>
              </tr>
            </thead>
            <tbody>
              {view.entities.map((entity) => (
                <tr>
                  <td>
                    <a href={entity.href}>{entity.slug}</a>
                  </td>
                  <td>{entity.kindLabel}</td>
                  <td>
                    <ul class="plain-list">
                      {entity.names.map((n) => (
                        <li>
                          <code>{n.tag}</code> <span lang={n.tag}>{n.name}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{entity.aliasCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={view.pager} t={t} />
    </>
  );
}

export interface EntityFormView {
  t: Translator;
  csrfToken: string | undefined;
  heading: string;
  action: string;
  isNew: boolean;
  values: EntityFormValues;
  kinds: { value: string; label: string }[];
  locales: LocaleLabel[];
  defaultLocale: string;
  errors: Record<string, string>;
}

export function EntityFormPage({ view }: { view: EntityFormView }) {
  const { t, values, errors } = view;
  return (
    <>
      <p>
        <a href="/admin/entities">{t('taxonomy.entities.back')}</a>
      </p>
      <h1>{view.heading}</h1>
      <FormErrorSummary t={t} errors={errors} />
      <form method="post" action={view.action} class="panel">
        <CsrfField token={view.csrfToken} />
        {view.isNew ? (
          <Field
            name="slug"
            label={t('taxonomy.field.slug')}
            hint={t('taxonomy.field.entitySlugHint')}
            value={values.slug}
            error={errors.slug}
            required
          />
        ) : (
          <p>
            {t('taxonomy.field.slug')}: <code>{values.slug}</code>
          </p>
        )}
        <SelectField
          name="kind"
          label={t('taxonomy.field.kind')}
          value={values.kind}
          options={view.kinds}
          error={errors.kind}
        />
        {view.locales.map((locale) => {
          const v = values.translations[locale.tag] ?? { name: '', aliases: '', description: '' };
          return (
            <fieldset>
              <legend>
                {locale.label} <code>{locale.tag}</code>
                {locale.tag === view.defaultLocale ? ` · ${t('taxonomy.defaultLocale')}` : ''}
              </legend>
              <Field
                name={`name.${locale.tag}`}
                label={t('taxonomy.field.name')}
                value={v.name}
                error={errors[`name.${locale.tag}`]}
                lang={locale.tag}
              />
              <Field
                name={`aliases.${locale.tag}`}
                label={t('taxonomy.field.aliases')}
                hint={t('taxonomy.field.aliasesHint')}
                value={v.aliases}
                error={errors[`aliases.${locale.tag}`]}
                multiline={3}
                lang={locale.tag}
              />
              <Field
                name={`description.${locale.tag}`}
                label={t('taxonomy.field.description')}
                value={v.description}
                error={errors[`description.${locale.tag}`]}
                multiline={3}
                lang={locale.tag}
              />
            </fieldset>
          );
        })}
        <button type="submit" class="button button-primary">
          {t('taxonomy.save')}
        </button>
      </form>
      {view.isNew ? null : (
        <DeleteRecordForm t={t} kind="entity" action={view.action} csrfToken={view.csrfToken} />
      )}
    </>
  );
}
