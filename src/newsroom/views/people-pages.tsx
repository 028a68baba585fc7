import type { Translator } from '../../platform/i18n.js';
import type { PersonFormValues } from '../people-forms.js';
import { CsrfField, Field } from './admin-layout.js';
import { CheckboxGroup, SelectField } from './form-controls.js';
import type { LocaleLabel } from './taxonomy-pages.js';

export interface PersonRowView {
  href: string;
  email: string;
  displayName: string;
  roleLabel: string;
  locales: string[];
  /** active, disabled, or invited (no password yet). */
  status: 'active' | 'disabled' | 'invited';
  isYou: boolean;
}

export interface PersonFormView {
  values: PersonFormValues;
  errors: Record<string, string>;
  roles: { value: string; label: string }[];
  locales: LocaleLabel[];
}

function RoleAndLocales({ t, form }: { t: Translator; form: PersonFormView }) {
  return (
    <>
      <SelectField
        name="role"
        label={t('people.field.role')}
        hint={t('people.field.roleHint')}
        value={form.values.role}
        options={form.roles}
        error={form.errors.role}
      />
      <CheckboxGroup
        name="locales"
        legend={t('people.field.locales')}
        options={form.locales.map((l) => ({
          value: l.tag,
          label: `${l.label} (${l.tag})`,
          checked: form.values.locales.includes(l.tag),
        }))}
        error={form.errors.locales}
      />
    </>
  );
}

const STATUS_BADGE = {
  active: 'badge badge-published',
  disabled: 'badge badge-unpublished',
  invited: 'badge',
};

export function PeoplePage({
  view,
}: {
  view: { t: Translator; csrfToken: string | undefined; people: PersonRowView[]; add: PersonFormView };
}) {
  const { t, add } = view;
  const count = Object.keys(add.errors).length;
  return (
    <>
      <h1>{t('people.heading')}</h1>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('people.field.email')}</th>
              <th scope="col">{t('people.field.name')}</th>
              <th scope="col">{t('people.field.role')}</th>
              <th scope="col">{t('people.field.locales')}</th>
              <th scope="col">{t('people.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {view.people.map((person) => (
              <tr>
                <td>
                  <a href={person.href}>{person.email}</a>
                  {person.isYou ? <span class="muted"> · {t('people.you')}</span> : null}
                </td>
                <td>{person.displayName}</td>
                <td>{person.roleLabel}</td>
                <td>{person.locales.join(', ')}</td>
                <td>
                  <span class={STATUS_BADGE[person.status]}>{t(`people.status.${person.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action="/admin/people" class="panel" aria-labelledby="add_heading">
        <h2 id="add_heading">{t('people.add.heading')}</h2>
        <p class="field-hint">{t('people.add.intro')}</p>
        {count > 0 ? (
          <p class="notice notice-error" role="alert">
            {add.errors.form ?? t('settings.error.summary', { count })}
          </p>
        ) : null}
        <CsrfField token={view.csrfToken} />
        <Field
          name="email"
          type="email"
          label={t('people.field.email')}
          value={add.values.email}
          error={add.errors.email}
          required
          autocomplete="off"
        />
        <Field
          name="displayName"
          label={t('people.field.name')}
          value={add.values.displayName}
          error={add.errors.displayName}
          autocomplete="off"
        />
        <RoleAndLocales t={t} form={add} />
        <button type="submit" class="button button-primary">
          {t('people.add.submit')}
        </button>
      </form>
    </>
  );
}

/** The one time a password link is shown: after adding a person, or issuing a reset. */
export function OneTimeLinkPage({
  view,
}: {
  view: { t: Translator; heading: string; email: string; url: string; hours: number; backHref: string };
}) {
  const { t } = view;
  return (
    <section class="panel">
      <h1>{view.heading}</h1>
      <p>{t('people.link.intro', { email: view.email, hours: view.hours })}</p>
      <code class="secret">{view.url}</code>
      <p class="muted">{t('people.link.once')}</p>
      <p>
        <a href={view.backHref}>{t('people.back')}</a>
      </p>
    </section>
  );
}

export interface PersonPageView {
  t: Translator;
  csrfToken: string | undefined;
  id: number;
  email: string;
  status: PersonRowView['status'];
  isYou: boolean;
  sessions: number;
  form: PersonFormView;
  /** A refusal that is not about one field (the last owner). */
  problem?: string;
}

export function PersonPage({ view }: { view: PersonPageView }) {
  const { t, form } = view;
  const base = `/admin/people/${view.id}`;
  return (
    <>
      <p>
        <a href="/admin/people">{t('people.back')}</a>
      </p>
      <h1>{view.email}</h1>
      <p>
        <span class={STATUS_BADGE[view.status]}>{t(`people.status.${view.status}`)}</span>{' '}
        <span class="muted">{t('people.sessions', { count: view.sessions })}</span>
      </p>
      {view.problem ? (
        <p class="notice notice-error" role="alert">
          {view.problem}
        </p>
      ) : null}
      <form method="post" action={base} class="panel">
        <CsrfField token={view.csrfToken} />
        <Field
          name="displayName"
          label={t('people.field.name')}
          value={form.values.displayName}
          error={form.errors.displayName}
          autocomplete="off"
        />
        <RoleAndLocales t={t} form={form} />
        <button type="submit" class="button button-primary">
          {t('people.save')}
        </button>
      </form>
      <div class="actions">
        <form method="post" action={`${base}/reset-link`}>
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button">
            {t('people.action.resetLink')}
          </button>
        </form>
        <form method="post" action={`${base}/sign-out`}>
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button">
            {t('people.action.signOut')}
          </button>
        </form>
        {view.status === 'disabled' ? (
          <form method="post" action={`${base}/enable`}>
            <CsrfField token={view.csrfToken} />
            <button type="submit" class="button">
              {t('people.action.enable')}
            </button>
          </form>
        ) : view.isYou ? null : (
          <form method="post" action={`${base}/disable`}>
            <CsrfField token={view.csrfToken} />
            <button type="submit" class="button button-danger">
              {t('people.action.disable')}
            </button>
          </form>
        )}
      </div>
    </>
  );
}
