import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { type SourceLineView, SourceList } from './desk-cluster-card.js';
import type { Option } from './story-list.js';
import { ErrorSummary, SelectField } from './story-new.js';

export interface StartStoryForm {
  locale: string;
  section: string;
  title: string;
}

export interface StartStoryView {
  t: Translator;
  csrfToken: string | undefined;
  action: string;
  clusterHref: string;
  clusterTitle: string;
  clusterLang: string | undefined;
  form: StartStoryForm;
  /** Field name → message, already in the person's language. */
  errors: Record<string, string>;
  formError?: string;
  locales: Option[];
  sections: Option[];
  /** What the draft will carry: its sources (original first) and its entities. */
  sources: SourceLineView[];
  entities: string[];
}

export function StartStoryPage({ view }: { view: StartStoryView }) {
  const { t, form, errors } = view;
  return (
    <section class="panel">
      <p>
        <a href={view.clusterHref}>{t('desk.start.back')}</a>
      </p>
      <h1>{t('desk.start.heading')}</h1>
      <p class="desk-start-from">
        {t('desk.start.from')}
        <span lang={view.clusterLang}>{view.clusterTitle}</span>
      </p>
      <ErrorSummary t={t} errors={errors} formError={view.formError} />
      <form method="post" action={view.action} novalidate>
        <CsrfField token={view.csrfToken} />
        <SelectField
          name="locale"
          label={t('desk.start.locale')}
          value={form.locale}
          options={view.locales}
          error={errors.locale}
        />
        <SelectField
          name="section"
          label={t('desk.start.section')}
          value={form.section}
          options={view.sections}
          empty={t('desk.start.choose')}
          error={errors.section}
        />
        <Field
          name="title"
          label={t('desk.start.title')}
          hint={t('desk.start.titleHint')}
          value={form.title}
          error={errors.title}
          required
        />
        <h2>{t('desk.start.sources')}</h2>
        <p class="field-hint">{t('desk.start.sourcesHint')}</p>
        <SourceList t={t} sources={view.sources} />
        {view.entities.length > 0 ? (
          <p class="desk-entities">
            <span class="muted">{t('desk.start.entities')}</span>{' '}
            {view.entities.map((name) => (
              <span class="chip">{name}</span>
            ))}
          </p>
        ) : null}
        <p class="field-hint">{t('desk.start.bodyNote')}</p>
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('desk.start.submit')}
          </button>
          <a href={view.clusterHref}>{t('desk.start.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
