import type { Translator } from '../../platform/i18n.js';
import type { FormErrors, NewStoryForm } from '../story-forms.js';
import { CsrfField, Field } from './admin-layout.js';
import type { Option } from './story-list.js';

export interface NewStoryView {
  t: Translator;
  csrfToken: string | undefined;
  form: NewStoryForm;
  errors: FormErrors;
  formError?: string;
  sections: Option[];
  locales: Option[];
}

export function ErrorSummary({
  t,
  errors,
  formError,
}: {
  t: Translator;
  errors: FormErrors;
  formError?: string | undefined;
}) {
  const count = Object.keys(errors).length;
  if (count === 0 && !formError) return null;
  return (
    <div class="notice notice-error" role="alert">
      {formError ? <p>{formError}</p> : null}
      {count > 0 ? <p>{t('stories.error.summary', { count })}</p> : null}
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  options: Option[];
  error?: string | undefined;
  empty?: string;
  disabled?: boolean;
}) {
  const id = `field_${props.name}`;
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        disabled={props.disabled}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}_error` : undefined}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p class="field-error" id={`${id}_error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function NewStoryPage({ view }: { view: NewStoryView }) {
  const { t, form, errors } = view;
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <section class="panel">
      <h1>{t('stories.new.heading')}</h1>
      <ErrorSummary t={t} errors={errors} formError={view.formError} />
      <form method="post" action="/admin/stories/new" novalidate>
        <CsrfField token={view.csrfToken} />
        <SelectField
          name="section"
          label={t('stories.field.section')}
          value={form.section}
          options={view.sections}
          empty={t('stories.field.choose')}
          error={error('section')}
        />
        <SelectField
          name="sourceLocale"
          label={t('stories.field.sourceLocale')}
          value={form.sourceLocale}
          options={view.locales}
          error={error('sourceLocale')}
        />
        <Field
          name="title"
          label={t('stories.field.title')}
          value={form.title}
          error={error('title')}
          required
        />
        <Field
          name="slug"
          label={t('stories.field.slug')}
          value={form.slug}
          hint={t('stories.field.slugHint')}
          error={error('slug')}
        />
        <Field
          name="summary"
          label={t('stories.field.summary')}
          value={form.summary}
          multiline={3}
          error={error('summary')}
        />
        <Field
          name="body"
          label={t('stories.field.body')}
          value={form.body}
          multiline={16}
          hint={t('stories.field.bodyHint')}
          error={error('body')}
        />
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('stories.new.submit')}
          </button>
          <a href="/admin/stories">{t('stories.action.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
