import { raw } from 'hono/html';
import type { FieldDiff } from '../../editorial/index.js';
import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { ItemArticle, type ItemView } from './desk-cluster-card.js';
import { DiffFields } from './story-diff.js';

// The panels around the editor form: the source variant beside a translation, what changed in the
// source, the QA findings, the rendered preview, and the small forms of their own.

export interface RenderedText {
  bodyHtml: string;
  faq: { question: string; answerHtml: string }[];
}

export interface SourcePaneView extends RenderedText {
  label: string;
  lang: string;
  title: string;
  summary: string;
  revision: number;
}

export function SourcePane({ t, source }: { t: Translator; source: SourcePaneView }) {
  return (
    // Focusable: on wide screens the pane scrolls on its own, and a keyboard must reach it too.
    <section class="source-pane" aria-labelledby="source_heading" tabindex={0}>
      <h2 id="source_heading">
        {t('stories.source.heading', { language: source.label, revision: source.revision })}
      </h2>
      <div lang={source.lang}>
        <h3>{source.title}</h3>
        {source.summary ? <p class="muted">{source.summary}</p> : null}
        <Rendered text={source} t={t} />
      </div>
    </section>
  );
}

/** Store-rendered Markdown: sanitised by the renderer (raw HTML off), the only raw HTML here. */
function Rendered({ t, text }: { t: Translator; text: RenderedText }) {
  return (
    <>
      <div class="rendered">{raw(text.bodyHtml)}</div>
      {text.faq.length > 0 ? (
        <>
          <h3>{t('stories.faq.legend')}</h3>
          <dl>
            {text.faq.map((item) => (
              <>
                <dt>{item.question}</dt>
                <dd>{raw(item.answerHtml)}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}

export interface TranslationPanelView {
  stale: boolean;
  sourceLabel: string;
  sourceRevision: number;
  translatedFromRevision: number | null;
  diff: FieldDiff[] | null;
  sourceLang: string;
  confirmAction?: string;
}

export function TranslationPanel(props: {
  t: Translator;
  csrfToken: string | undefined;
  view: TranslationPanelView;
}) {
  const { t, view } = props;
  return (
    <section class={view.stale ? 'panel notice-warning' : 'panel'} aria-labelledby="translation_heading">
      <h2 id="translation_heading">
        {view.stale ? t('stories.translation.staleHeading') : t('stories.translation.currentHeading')}
      </h2>
      <p>
        {view.translatedFromRevision === null
          ? t('stories.translation.unknownOrigin', {
              language: view.sourceLabel,
              revision: view.sourceRevision,
            })
          : t('stories.translation.madeFrom', {
              language: view.sourceLabel,
              from: view.translatedFromRevision,
              revision: view.sourceRevision,
            })}
      </p>
      {view.stale && view.diff ? (
        <DiffFields t={t} fields={view.diff} lang={view.sourceLang} level={3} />
      ) : null}
      {view.stale && !view.diff ? <p class="muted">{t('stories.translation.noDiff')}</p> : null}
      {view.stale && view.confirmAction ? (
        <form method="post" action={view.confirmAction}>
          <CsrfField token={props.csrfToken} />
          <button type="submit">{t('stories.translation.confirm')}</button>
        </form>
      ) : null}
    </section>
  );
}

export interface QaLine {
  severity: 'error' | 'warning';
  text: string;
}

export function QaPanel(props: {
  t: Translator;
  lines: QaLine[];
  canOverride: boolean;
  overrideReason: string;
  overrideError?: string | undefined;
}) {
  const { t, lines } = props;
  const blocking = lines.some((l) => l.severity === 'error');
  return (
    <section class={blocking ? 'panel notice-warning' : 'panel'} aria-labelledby="qa_heading">
      <h2 id="qa_heading">{t('stories.qa.heading')}</h2>
      {lines.length === 0 ? (
        <p>{t('stories.qa.clean')}</p>
      ) : (
        <ul class="findings">
          {lines.map((line) => (
            <li>
              <span class={line.severity === 'error' ? 'badge badge-unpublished' : 'badge'}>
                {t(`stories.qa.severity.${line.severity}`)}
              </span>{' '}
              {line.text}
            </li>
          ))}
        </ul>
      )}
      {blocking ? (
        props.canOverride ? (
          <Field
            name="qaOverrideReason"
            label={t('stories.qa.overrideReason')}
            hint={t('stories.qa.overrideHint')}
            value={props.overrideReason}
            error={props.overrideError}
            multiline={2}
          />
        ) : (
          <p class="muted">{t('stories.qa.askEditor')}</p>
        )
      ) : null}
    </section>
  );
}

export function PreviewPane(props: {
  t: Translator;
  lang: string;
  preview: (RenderedText & { dangling: string[]; title: string }) | undefined;
}) {
  const { t, preview } = props;
  return (
    <section class="preview-panel" aria-labelledby="preview_heading" tabindex={0}>
      <h2 id="preview_heading">{t('stories.preview.heading')}</h2>
      <div class="preview" lang={props.lang} data-preview-target aria-live="polite">
        {preview ? (
          <>
            {preview.dangling.length > 0 ? (
              <p class="notice notice-warning">
                {t('stories.preview.dangling', { links: preview.dangling.join(', ') })}
              </p>
            ) : null}
            {preview.title ? <h3>{preview.title}</h3> : null}
            <Rendered t={t} text={preview} />
          </>
        ) : (
          <p class="muted">{t('stories.preview.empty')}</p>
        )}
      </div>
    </section>
  );
}

export interface StoryActionsView {
  previewLinkAction?: string;
  revisionsHref?: string;
  deleteAction?: string;
  publicHref?: string;
  previewLink?: { url: string; expiresLabel: string };
}

// Preview link and delete are forms of their own, rendered after the editor's form (forms cannot
// nest); their controls sit in the settings column and name their form with `form=`.
export function StoryActions(props: { t: Translator; view: StoryActionsView }) {
  const { t, view } = props;
  return (
    <section class="panel" aria-labelledby="more_heading">
      <h2 id="more_heading">{t('stories.more.heading')}</h2>
      {view.previewLink ? (
        <div class="notice notice-success" role="status">
          <p>{t('stories.previewLink.created', { expires: view.previewLink.expiresLabel })}</p>
          <code class="secret">{view.previewLink.url}</code>
        </div>
      ) : null}
      <div class="actions">
        {view.publicHref ? <a href={view.publicHref}>{t('stories.more.onSite')}</a> : null}
        {view.revisionsHref ? <a href={view.revisionsHref}>{t('stories.more.revisions')}</a> : null}
      </div>
      {view.previewLinkAction ? (
        <div class="actions">
          <label for="preview_hours">{t('stories.previewLink.hours')}</label>
          <select id="preview_hours" name="hours" form="preview_link_form">
            {[1, 24, 48, 168].map((hours) => (
              <option value={String(hours)} selected={hours === 48}>
                {t('stories.previewLink.hoursOption', { hours })}
              </option>
            ))}
          </select>
          <button type="submit" form="preview_link_form">
            {t('stories.previewLink.create')}
          </button>
        </div>
      ) : null}
      {view.deleteAction ? (
        <div class="actions">
          <button type="submit" form="delete_story_form" class="button-danger">
            {t('stories.action.delete')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

export function StoryActionForms(props: {
  t: Translator;
  csrfToken: string | undefined;
  view: StoryActionsView;
}) {
  const { t, view } = props;
  return (
    <>
      {view.previewLinkAction ? (
        <form id="preview_link_form" method="post" action={view.previewLinkAction} hidden>
          <CsrfField token={props.csrfToken} />
        </form>
      ) : null}
      {view.deleteAction ? (
        <form
          id="delete_story_form"
          method="post"
          action={view.deleteAction}
          data-confirm={t('stories.delete.question')}
          hidden
        >
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="confirmed" value="" data-confirmed />
        </form>
      ) : null}
    </>
  );
}

/** The desk's items behind a story started from a cluster: read-only, for reference. */
export interface SourceMaterialView {
  clusterHref: string;
  items: ItemView[];
}

export function SourceMaterialPanel({ t, view }: { t: Translator; view: SourceMaterialView }) {
  return (
    <section class="panel reference-panel" aria-labelledby="reference_heading">
      <h2 id="reference_heading">{t('desk.reference.heading')}</h2>
      <p class="notice notice-warning">{t('desk.reference.note')}</p>
      {view.items.map((item) => (
        <ItemArticle t={t} item={item} level={3} />
      ))}
      <p>
        <a href={view.clusterHref}>{t('desk.reference.cluster')}</a>
      </p>
    </section>
  );
}
