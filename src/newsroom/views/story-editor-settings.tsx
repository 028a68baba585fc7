import { slugHint } from '../slug-suggestion.js';
import { Field } from './admin-layout.js';
import type { StoryEditorView } from './story-editor.js';
import { QaPanel, StoryActions } from './story-editor-aside.js';
import { BylineFields } from './story-editor-byline.js';
import { EntityFields, HeroFields, SourceFields } from './story-editor-fields.js';
import { SelectField } from './story-new.js';

// The editor's settings column, apart from the text it sits beside (story-editor.tsx).

/** The address and the hero's alt text: variant text, kept in the settings column as Ghost does. */
function VariantSettings({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  const error = (name: string) => (view.errors[name] ? t(view.errors[name]) : undefined);
  return (
    <fieldset disabled={!view.can.edit}>
      <legend>{t('stories.editor.text', { language: view.localeLabel })}</legend>
      <Field
        name="slug"
        label={t('stories.field.slug')}
        value={form.slug}
        hint={slugHint(t, view.slugSuggestion)}
        error={error('slug')}
      />
      <Field
        name="heroAlt"
        label={t('stories.hero.alt', { language: view.localeLabel })}
        hint={t('stories.hero.altHint')}
        value={form.heroAlt}
        error={error('heroAlt')}
        lang={view.lang}
      />
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
      </fieldset>
      {/* media: the hero picker replaces HeroFields' <select> here. */}
      <HeroFields
        t={t}
        errors={view.errors}
        picker={view.media}
        disabled={!view.can.editMeta}
        locale={view.locale}
      />
      <fieldset disabled={!view.can.editMeta}>
        <legend>{t('stories.sources.legend')}</legend>
        <SourceFields t={t} errors={view.errors} sources={form.sources} />
      </fieldset>
    </>
  );
}

function PublishFields({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  const live = view.status === 'published' || view.status === 'scheduled';
  return (
    <fieldset>
      <legend>{t('stories.editor.publishing')}</legend>
      {view.can.publish ? (
        <Field
          name="publishAt"
          type="datetime-local"
          label={t('stories.field.publishAt')}
          hint={`${t('stories.field.publishAtHint')} ${view.scheduleZoneHint ?? ''}`.trim()}
          value={form.publishAt}
          error={view.errors.publishAt ? t(view.errors.publishAt) : undefined}
        />
      ) : (
        <p class="muted">{t('stories.editor.askEditorToPublish')}</p>
      )}
      {view.can.publish && live ? (
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
    </fieldset>
  );
}

/**
 * The settings column beside the text: QA findings, publishing, address and hero text, byline,
 * the story's own fields, and the story's further actions.
 */
export function EditorSettings({ view }: { view: StoryEditorView }) {
  const { t, form } = view;
  return (
    <aside class="editor-settings" aria-label={t('editor.layout.settings')}>
      {view.qa ? (
        <QaPanel
          t={t}
          lines={view.qa}
          canOverride={view.can.overrideQa}
          overrideReason={form.qaOverrideReason}
          overrideError={view.errors.qaOverrideReason ? t(view.errors.qaOverrideReason) : undefined}
        />
      ) : null}
      <PublishFields view={view} />
      <VariantSettings view={view} />
      {view.byline ? <BylineFields t={t} view={view.byline} /> : null}
      <MetaFields view={view} />
      <StoryActions t={t} view={view.more} />
    </aside>
  );
}
