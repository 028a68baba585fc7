import type { Translator } from '../../platform/i18n.js';
import type { EditorForm, FormErrors } from '../story-forms.js';
import { CsrfField, Field } from './admin-layout.js';
import {
  PreviewPane,
  type QaLine,
  QaPanel,
  type RenderedText,
  SourceMaterialPanel,
  type SourceMaterialView,
  SourcePane,
  type SourcePaneView,
  StoryActions,
  type StoryActionsView,
  TranslationPanel,
  type TranslationPanelView,
} from './story-editor-aside.js';
import { type BylineChoiceView, BylineFields } from './story-editor-byline.js';
import {
  type EntityChoice,
  EntityFields,
  FaqFields,
  HeroFields,
  type MediaChoice,
  SourceFields,
} from './story-editor-fields.js';
import { type Option, StatusBadge } from './story-list.js';
import { ErrorSummary, SelectField } from './story-new.js';

export interface EditorTab {
  locale: string;
  label: string;
  href: string;
  current: boolean;
  status: string;
  stale: boolean;
}

/** What the person may do here; the server checks each again when it is asked. */
export interface EditorPermissions {
  edit: boolean;
  editMeta: boolean;
  publish: boolean;
  overrideQa: boolean;
}

export interface StoryEditorView {
  t: Translator;
  csrfToken: string | undefined;
  action: string;
  heading: string;
  locale: string;
  /** `lang` of the text fields: the variant's language. */
  lang: string;
  localeLabel: string;
  isNew: boolean;
  tabs: EditorTab[];
  status: string;
  revision: number | null;
  scheduledLabel?: string;
  form: EditorForm;
  errors: FormErrors;
  formError?: string;
  sections: Option[];
  entities: EntityChoice[];
  datalist: Option[];
  suggestions: { slug: string; label: string; matched: string }[];
  media: MediaChoice[];
  qa?: QaLine[];
  preview?: RenderedText & { dangling: string[]; title: string };
  source?: SourcePaneView;
  translation?: TranslationPanelView;
  /** The desk's items behind the story, when it was started from a cluster. */
  reference?: SourceMaterialView;
  can: EditorPermissions;
  more: StoryActionsView;
  byline?: BylineChoiceView;
}

function Tabs({ t, tabs }: { t: Translator; tabs: EditorTab[] }) {
  return (
    <nav aria-label={t('stories.editor.locales')}>
      <ul class="tabs">
        {tabs.map((tab) => (
          <li>
            <a href={tab.href} aria-current={tab.current ? 'page' : undefined} hreflang={tab.locale}>
              {tab.label} <StatusBadge t={t} status={tab.status} />
              {tab.stale ? <span class="badge badge-stale">{t('stories.translation.stale')}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TextFields({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  const error = (name: string) => (view.errors[name] ? t(view.errors[name]) : undefined);
  return (
    <fieldset disabled={!view.can.edit}>
      <legend>{t('stories.editor.text', { language: view.localeLabel })}</legend>
      <Field
        name="title"
        label={t('stories.field.title')}
        value={form.title}
        error={error('title')}
        lang={view.lang}
        required
      />
      <Field
        name="slug"
        label={t('stories.field.slug')}
        value={form.slug}
        hint={t('stories.field.slugEditHint')}
        error={error('slug')}
      />
      <Field
        name="summary"
        label={t('stories.field.summary')}
        value={form.summary}
        multiline={3}
        error={error('summary')}
        lang={view.lang}
      />
      <div class={error('body') ? 'field field-invalid' : 'field'}>
        <label for="field_body">{t('stories.field.body')}</label>
        <p class="field-hint" id="field_body_hint">
          {t('stories.field.bodyHint')}
        </p>
        <textarea
          id="field_body"
          name="body"
          rows={22}
          lang={view.lang}
          data-live-preview={view.locale}
          aria-invalid={error('body') ? 'true' : undefined}
          aria-describedby={error('body') ? 'field_body_hint field_body_error' : 'field_body_hint'}
        >
          {form.body}
        </textarea>
        {error('body') ? (
          <p class="field-error" id="field_body_error">
            {error('body')}
          </p>
        ) : null}
      </div>
      <Field
        name="heroAlt"
        label={t('stories.hero.alt', { language: view.localeLabel })}
        hint={t('stories.hero.altHint')}
        value={form.heroAlt}
        error={error('heroAlt')}
        lang={view.lang}
      />
      <FaqFields t={t} errors={view.errors} faq={form.faq} lang={view.lang} />
    </fieldset>
  );
}

function MetaFields({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  const error = (name: string) => (view.errors[name] ? t(view.errors[name]) : undefined);
  return (
    <>
      <fieldset disabled={!view.can.editMeta}>
        <legend>{t('stories.editor.story')}</legend>
        {view.can.editMeta ? null : <p class="field-hint">{t('stories.editor.metaReadOnly')}</p>}
        <SelectField
          name="section"
          label={t('stories.field.section')}
          value={form.section}
          options={view.sections}
          error={error('section')}
        />
        <EntityFields
          t={t}
          errors={view.errors}
          entities={view.entities}
          suggestions={view.suggestions}
          entityAdd={form.entityAdd}
          datalist={view.datalist}
        />
        <SourceFields t={t} errors={view.errors} sources={form.sources} />
      </fieldset>
      <HeroFields
        t={t}
        errors={view.errors}
        media={view.media}
        heroMediaId={form.heroMediaId}
        disabled={!view.can.editMeta}
      />
    </>
  );
}

function PublishFields({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  const live = view.status === 'published' || view.status === 'scheduled';
  return (
    <fieldset>
      <legend>{t('stories.editor.publishing')}</legend>
      <p>
        <StatusBadge t={t} status={view.status} />{' '}
        {view.revision !== null ? t('stories.editor.revision', { revision: view.revision }) : null}{' '}
        {view.scheduledLabel ? t('stories.editor.scheduledFor', { time: view.scheduledLabel }) : null}
      </p>
      {view.can.publish ? (
        <Field
          name="publishAt"
          type="datetime-local"
          label={t('stories.field.publishAt')}
          hint={t('stories.field.publishAtHint')}
          value={form.publishAt}
          error={view.errors.publishAt ? t(view.errors.publishAt) : undefined}
        />
      ) : (
        <p class="muted">{t('stories.editor.askEditorToPublish')}</p>
      )}
      <div class="actions">
        {view.can.edit ? (
          <button type="submit" name="intent" value="save" class="button button-primary">
            {t('stories.action.save')}
          </button>
        ) : null}
        <button type="submit" name="intent" value="preview">
          {t('stories.action.preview')}
        </button>
        {view.can.publish ? (
          <>
            {view.status === 'published' ? null : (
              <>
                <button type="submit" name="intent" value="publish">
                  {t('stories.action.publish')}
                </button>
                <button type="submit" name="intent" value="schedule">
                  {t('stories.action.schedule')}
                </button>
              </>
            )}
            {live ? (
              <button
                type="submit"
                name="intent"
                value="unpublish"
                class="button-danger"
                data-confirm={t('stories.unpublish.question')}
              >
                {t('stories.action.unpublish')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </fieldset>
  );
}

function MainForm({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  return (
    <form method="post" action={view.action} novalidate data-editor>
      <CsrfField token={view.csrfToken} />
      <input type="hidden" name="baseRevision" value={form.baseRevision} />
      <input type="hidden" name="translatedFromRevision" value={form.translatedFromRevision} />
      {view.qa ? (
        <QaPanel
          t={t}
          lines={view.qa}
          canOverride={view.can.overrideQa}
          overrideReason={form.qaOverrideReason}
          overrideError={view.errors.qaOverrideReason ? t(view.errors.qaOverrideReason) : undefined}
        />
      ) : null}
      {/* First in the form: Enter in a text field presses the first submit button, Save. */}
      <PublishFields view={view} />
      {view.byline ? <BylineFields t={t} view={view.byline} /> : null}
      <TextFields view={view} />
      <MetaFields view={view} />
    </form>
  );
}

export function StoryEditorPage({ view }: { view: StoryEditorView }) {
  const { t } = view;
  const preview = <PreviewPane t={t} lang={view.lang} preview={view.preview} />;
  return (
    <>
      <p>
        <a href="/admin/stories">{t('stories.editor.back')}</a>
      </p>
      <h1 lang={view.isNew ? undefined : view.lang}>{view.heading}</h1>
      <Tabs t={t} tabs={view.tabs} />
      {view.isNew ? (
        <p class="notice notice-warning">{t('stories.editor.newVariant', { language: view.localeLabel })}</p>
      ) : null}
      <ErrorSummary t={t} errors={view.errors} formError={view.formError} />
      <div class="editor-grid">
        {view.source || view.reference ? (
          <div>
            {view.translation ? (
              <TranslationPanel t={t} csrfToken={view.csrfToken} view={view.translation} />
            ) : null}
            {view.source ? <SourcePane t={t} source={view.source} /> : null}
            {view.reference ? <SourceMaterialPanel t={t} view={view.reference} /> : null}
          </div>
        ) : null}
        <div>
          <MainForm view={view} />
        </div>
        <div>{preview}</div>
        <div>
          <StoryActions t={t} csrfToken={view.csrfToken} view={view.more} />
        </div>
      </div>
    </>
  );
}
