import type { FieldDiff } from '../../editorial/index.js';
import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';
import { DiffFields } from './story-diff.js';

// Unsaved work in the editor: an autosave offered back, and someone else's save met on saving.

export interface AutosaveOffer {
  savedAtLabel: string;
  restored: boolean;
  /** Someone saved the variant after the autosave's text was typed over an older revision. */
  savedSince: boolean;
  restoreHref?: string;
  discardAction: string;
}

export function AutosaveNotice(props: {
  t: Translator;
  csrfToken: string | undefined;
  offer: AutosaveOffer;
}) {
  const { t, offer } = props;
  return (
    <section class="notice notice-warning draft-offer" aria-labelledby="autosave_heading" data-autosave-offer>
      <h2 id="autosave_heading">
        {offer.restored
          ? t('editor.autosave.restoredHeading', { time: offer.savedAtLabel })
          : t('editor.autosave.offerHeading', { time: offer.savedAtLabel })}
      </h2>
      {offer.savedSince ? <p>{t('editor.autosave.savedSince')}</p> : null}
      <div class="actions">
        {offer.restoreHref ? (
          <a class="button button-primary" href={offer.restoreHref}>
            {t('editor.autosave.restore', { time: offer.savedAtLabel })}
          </a>
        ) : null}
        <form method="post" action={offer.discardAction}>
          <CsrfField token={props.csrfToken} />
          <button type="submit">{t('editor.autosave.discard')}</button>
        </form>
      </div>
    </section>
  );
}

export interface ConflictView {
  revision: number;
  savedBy: string | null;
  savedAtLabel: string;
  keepTheirsHref: string;
  theirs: { title: string; summary: string; body: string };
  /** From their saved version to the text in this form. */
  diff: FieldDiff[];
}

export function ConflictPanel(props: { t: Translator; lang: string; conflict: ConflictView }) {
  const { t, conflict } = props;
  return (
    <section class="panel conflict-panel" aria-labelledby="conflict_heading" data-conflict>
      <h2 id="conflict_heading">
        {t('editor.conflict.heading', {
          who: conflict.savedBy ?? t('editor.conflict.someone'),
          time: conflict.savedAtLabel,
          revision: conflict.revision,
        })}
      </h2>
      <p>{t('editor.conflict.explain')}</p>
      <div class="conflict-columns">
        <section aria-labelledby="conflict_theirs">
          <h3 id="conflict_theirs">{t('editor.conflict.theirs')}</h3>
          <p lang={props.lang}>
            <strong>{conflict.theirs.title}</strong>
          </p>
          {conflict.theirs.summary ? <p lang={props.lang}>{conflict.theirs.summary}</p> : null}
          <pre class="conflict-text" lang={props.lang} tabindex={0}>
            {conflict.theirs.body}
          </pre>
        </section>
        <section aria-labelledby="conflict_diff">
          <h3 id="conflict_diff">{t('editor.conflict.differences')}</h3>
          <p class="field-hint">{t('editor.conflict.legend')}</p>
          <DiffFields t={t} fields={conflict.diff} lang={props.lang} level={3} />
        </section>
      </div>
      <div class="actions">
        <a class="button" href={conflict.keepTheirsHref}>
          {t('editor.conflict.keepTheirs')}
        </a>
        <button type="submit" name="intent" value="save" form="story_form" class="button-danger">
          {t('editor.conflict.overwrite')}
        </button>
      </div>
      <p class="field-hint">{t('editor.conflict.merge')}</p>
    </section>
  );
}
