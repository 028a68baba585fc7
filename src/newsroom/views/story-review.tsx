import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';

// The review of the variant open in the editor: a banner with the editor's note when the draft was
// sent back (who, when, what), and the controls the person's role allows: submit or resubmit for
// the author, send back with a note or approve for an editor while the draft waits.

export interface StoryReviewView {
  t: Translator;
  csrfToken: string | undefined;
  /** Where the forms post: /admin/stories/<id>/<locale>/review. */
  action: string;
  state: 'none' | 'submitted' | 'changes_requested' | 'approved';
  requestedByName: string;
  requestedAtLabel: string;
  decidedByName: string;
  decidedAtLabel: string;
  note: string;
  canSubmit: boolean;
  canDecide: boolean;
  maxNoteChars: number;
}

/** Above the form: what the reviewer said, impossible to miss. */
export function StoryReviewBanner({ view }: { view: StoryReviewView | undefined }) {
  if (!view) return null;
  const { t } = view;
  if (view.state === 'changes_requested') {
    return (
      <section class="review-banner review-banner-changes" aria-labelledby="review_banner_heading">
        <h2 id="review_banner_heading">{t('review.banner.changesRequested')}</h2>
        <p class="review-meta">
          {t('review.banner.by', { name: view.decidedByName, when: view.decidedAtLabel })}
        </p>
        <blockquote class="review-note">{view.note}</blockquote>
      </section>
    );
  }
  if (view.state === 'submitted') {
    return (
      <p class="notice review-banner-waiting">
        {t('review.banner.waiting', { name: view.requestedByName, when: view.requestedAtLabel })}
      </p>
    );
  }
  if (view.state === 'approved') {
    return (
      <p class="notice notice-success">
        {t('review.banner.approved', { name: view.decidedByName, when: view.decidedAtLabel })}
      </p>
    );
  }
  return null;
}

/** In the settings column: the step this person can take now. */
export function StoryReviewControls({ view }: { view: StoryReviewView | undefined }) {
  if (!view || (!view.canSubmit && !view.canDecide)) return null;
  const { t } = view;
  return (
    <section class="panel review-panel" aria-labelledby="review_panel_heading">
      <h2 id="review_panel_heading">{t('review.panel.heading')}</h2>
      <p>{t(`review.state.${view.state}`)}</p>
      {view.canSubmit ? (
        <form method="post" action={`${view.action}/submit`}>
          <CsrfField token={view.csrfToken} />
          <button type="submit">{view.state === 'none' ? t('review.submit') : t('review.resubmit')}</button>
        </form>
      ) : null}
      {view.canDecide ? (
        <>
          <form method="post" action={`${view.action}/approve`}>
            <CsrfField token={view.csrfToken} />
            <button type="submit">{t('review.approve')}</button>
          </form>
          <form method="post" action={`${view.action}/send-back`} class="review-send-back">
            <CsrfField token={view.csrfToken} />
            <label for="review_note">{t('review.noteLabel')}</label>
            <textarea id="review_note" name="note" rows={4} required maxlength={view.maxNoteChars} />
            <button type="submit" class="button">
              {t('review.sendBack')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
