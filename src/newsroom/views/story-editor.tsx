import type { Translator } from '../../platform/i18n.js';
import type { EditorForm, FormErrors } from '../story-forms.js';
import type { TranslationDeskView } from '../translation-desk-data.js';
import { CsrfField, Field } from './admin-layout.js';
import type { PickerView } from './media-picker.js';
import {
  PreviewPane,
  type QaLine,
  type RenderedText,
  SourceMaterialPanel,
  type SourceMaterialView,
  SourcePane,
  type SourcePaneView,
  StoryActionForms,
  type StoryActionsView,
  TranslationPanel,
  type TranslationPanelView,
} from './story-editor-aside.js';
import type { BylineChoiceView } from './story-editor-byline.js';
import {
  AutosaveNotice,
  type AutosaveOffer,
  ConflictPanel,
  type ConflictView,
} from './story-editor-drafts.js';
import { type EntityChoice, FaqFields } from './story-editor-fields.js';
import { EditorSettings } from './story-editor-settings.js';
import { MarkdownToolbar, StoryLinkDialog } from './story-editor-toolbar.js';
import { type Option, StatusBadge } from './story-list.js';
import { ErrorSummary } from './story-new.js';
import { StoryNotes, type StoryNotesView } from './story-notes.js';
import { StoryReviewBanner, StoryReviewControls, type StoryReviewView } from './story-review.js';
import { TranslationDesk } from './translation-desk.js';

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
  /** A short ASCII slug offered for a Chinese title (slug-suggestion.ts). */
  slugSuggestion?: string;
  /** Which clocks the schedule input is read on: the newsroom's time zone and its offset. */
  scheduleZoneHint?: string;
  form: EditorForm;
  errors: FormErrors;
  formError?: string;
  sections: Option[];
  entities: EntityChoice[];
  datalist: Option[];
  suggestions: { slug: string; label: string; matched: string }[];
  media: PickerView;
  qa?: QaLine[];
  preview?: RenderedText & { dangling: string[]; title: string };
  source?: SourcePaneView;
  translation?: TranslationPanelView;
  /** The desk's items behind the story, when it was started from a cluster. */
  reference?: SourceMaterialView;
  /** Side by side with the source, on a translation (shown by translator.js). */
  desk?: TranslationDeskView | undefined;
  can: EditorPermissions;
  more: StoryActionsView;
  /** Review and the team's notes (views/story-review.tsx, views/story-notes.tsx). */
  team?: { review: StoryReviewView; notes: StoryNotesView };
  /** An autosave of this person's, offered back (or just restored). */
  autosave?: AutosaveOffer;
  /** Someone else saved first: their version beside this person's text. */
  conflict?: ConflictView;
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
    <fieldset disabled={!view.can.edit} class="text-fields">
      <legend class="visually-hidden">{t('stories.editor.text', { language: view.localeLabel })}</legend>
      <Field
        name="title"
        label={t('stories.field.title')}
        value={form.title}
        error={error('title')}
        lang={view.lang}
        required
      />
      <Field
        name="summary"
        label={t('stories.field.summary')}
        value={form.summary}
        multiline={3}
        error={error('summary')}
        lang={view.lang}
      />
      <div class={error('body') ? 'field field-invalid field-body' : 'field field-body'}>
        <label for="field_body">{t('stories.field.body')}</label>
        <p class="field-hint" id="field_body_hint">
          {t('stories.field.bodyHint')}
        </p>
        <MarkdownToolbar t={t} />
        <textarea
          id="field_body"
          name="body"
          rows={22}
          lang={view.lang}
          data-live-preview={view.locale}
          data-markdown-body
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
      {view.desk ? <TranslationDesk t={t} view={view.desk} /> : null}
      <FaqFields t={t} errors={view.errors} faq={form.faq} lang={view.lang} />
    </fieldset>
  );
}

/** The bar that stays in view: state, then Save first (Enter in a text field presses it). */
function SaveBar({ view }: { view: StoryEditorView }) {
  const { t } = view;
  return (
    <fieldset class="save-bar">
      <legend class="visually-hidden">{t('editor.saveBar')}</legend>
      <p class="save-state">
        <StatusBadge t={t} status={view.status} />{' '}
        {view.revision !== null ? t('stories.editor.revision', { revision: view.revision }) : null}{' '}
        {view.scheduledLabel ? t('stories.editor.scheduledFor', { time: view.scheduledLabel }) : null}{' '}
        <span class="muted" data-save-state role="status" />
      </p>
      <div class="actions">
        {view.can.edit ? (
          <button type="submit" name="intent" value="save" class="button button-primary" data-save>
            {t('stories.action.save')}
          </button>
        ) : null}
        <button type="submit" name="intent" value="preview">
          {t('stories.action.preview')}
        </button>
        {view.can.publish && view.status !== 'published' ? (
          <>
            <button type="submit" name="intent" value="publish">
              {t('stories.action.publish')}
            </button>
            <button type="submit" name="intent" value="schedule">
              {t('stories.action.schedule')}
            </button>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}

/** Messages editor.js shows; `{time}`-style holes are filled in the browser. */
function scriptStrings(t: Translator): string {
  return JSON.stringify({
    saved: t('editor.state.saved'),
    unsaved: t('editor.state.unsaved'),
    autosaved: t('editor.state.autosaved', { time: '{time}' }),
    autosaveFailed: t('editor.state.autosaveFailed'),
    othersSaved: t('editor.state.othersSaved', { who: '{who}', revision: '{revision}', time: '{time}' }),
    someone: t('editor.conflict.someone'),
    leave: t('editor.leaveWarning'),
    linkPrompt: t('editor.toolbar.linkPrompt'),
    imagePrompt: t('editor.toolbar.imagePrompt'),
    altPrompt: t('editor.toolbar.altPrompt'),
    sourceAdded: t('editor.sources.added'),
  });
}

function MainForm({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  return (
    <form
      id="story_form"
      method="post"
      action={view.action}
      novalidate
      class="editor-layout"
      data-editor
      data-autosave-url={view.can.edit ? `${view.action}/autosave` : undefined}
      data-editor-strings={scriptStrings(t)}
    >
      <CsrfField token={view.csrfToken} />
      <input type="hidden" name="baseRevision" value={form.baseRevision} data-base-revision />
      <input type="hidden" name="translatedFromRevision" value={form.translatedFromRevision} />
      <SaveBar view={view} />
      <div class="editor-text">
        {/* translator: the side-by-side desk goes here, above the text it fills. */}
        <TextFields view={view} />
        <PreviewPane t={t} lang={view.lang} preview={view.preview} />
      </div>
      <EditorSettings view={view} />
    </form>
  );
}

export function StoryEditorPage({ view }: { view: StoryEditorView }) {
  const { t } = view;
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
      <StoryReviewBanner view={view.team?.review} />
      {view.autosave ? <AutosaveNotice t={t} csrfToken={view.csrfToken} offer={view.autosave} /> : null}
      {view.conflict ? <ConflictPanel t={t} lang={view.lang} conflict={view.conflict} /> : null}
      {view.source || view.reference || view.translation ? (
        <div class="editor-context">
          {view.translation ? (
            <TranslationPanel t={t} csrfToken={view.csrfToken} view={view.translation} />
          ) : null}
          {view.source ? (
            // Folded: the text to write comes first; the translator's desk replaces this.
            <details class="source-details">
              <summary>
                {t('stories.source.heading', { language: view.source.label, revision: view.source.revision })}
              </summary>
              <SourcePane t={t} source={view.source} />
            </details>
          ) : null}
          {view.reference ? <SourceMaterialPanel t={t} view={view.reference} /> : null}
        </div>
      ) : null}
      <MainForm view={view} />
      {/* Forms of their own, outside the editor's form; their buttons sit in the settings column. */}
      <StoryActionForms csrfToken={view.csrfToken} t={t} view={view.more} />
      <StoryLinkDialog t={t} locale={view.locale} />
      {/* Review and the team's notes post forms of their own, so they follow the editor's form. */}
      {view.team ? (
        <div class="editor-team">
          <StoryReviewControls view={view.team.review} />
          <StoryNotes view={view.team.notes} />
        </div>
      ) : null}
    </>
  );
}
