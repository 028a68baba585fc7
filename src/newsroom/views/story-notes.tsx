import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';

// The team's notes on a story: short plain text (never Markdown), oldest first, and a box to add one.

export interface StoryNotesView {
  t: Translator;
  csrfToken: string | undefined;
  /** /admin/stories/<id>/notes */
  action: string;
  /** Where to come back to after adding one (the editor's locale). */
  back: string;
  notes: { id: number; authorName: string; atIso: string; atLabel: string; body: string }[];
  maxChars: number;
}

export function StoryNotes({ view }: { view: StoryNotesView | undefined }) {
  if (!view) return null;
  const { t } = view;
  return (
    <section class="panel story-notes" aria-labelledby="story_notes_heading">
      <h2 id="story_notes_heading">{t('notes.heading')}</h2>
      {view.notes.length === 0 ? (
        <p class="muted">{t('notes.none')}</p>
      ) : (
        <ol class="story-notes-list">
          {view.notes.map((note) => (
            <li id={`note-${note.id}`}>
              <p class="story-note-meta">
                <strong>{note.authorName}</strong> · <time datetime={note.atIso}>{note.atLabel}</time>
              </p>
              <p class="story-note-body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={view.action}>
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="back" value={view.back} />
        <label for="story_note_body">{t('notes.add')}</label>
        <textarea id="story_note_body" name="body" rows={2} required maxlength={view.maxChars} />
        <button type="submit" class="button">
          {t('notes.submit')}
        </button>
      </form>
    </section>
  );
}
