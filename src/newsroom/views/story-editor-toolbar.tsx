import type { Translator } from '../../platform/i18n.js';

// The Markdown toolbar above the body. Hidden until editor.js enables it: without JavaScript its
// buttons would do nothing, and the body is plain Markdown either way.

const BUTTONS: { command: string; key: string; label: string; shortcut?: string }[] = [
  { command: 'h2', key: 'editor.toolbar.h2', label: 'H2' },
  { command: 'h3', key: 'editor.toolbar.h3', label: 'H3' },
  { command: 'bold', key: 'editor.toolbar.bold', label: 'B', shortcut: 'Control+B' },
  { command: 'italic', key: 'editor.toolbar.italic', label: 'I', shortcut: 'Control+I' },
  { command: 'link', key: 'editor.toolbar.link', label: '[ ]( )', shortcut: 'Control+K' },
  { command: 'ul', key: 'editor.toolbar.ul', label: '•' },
  { command: 'ol', key: 'editor.toolbar.ol', label: '1.' },
  { command: 'quote', key: 'editor.toolbar.quote', label: '❝' },
  { command: 'table', key: 'editor.toolbar.table', label: '▦' },
  { command: 'image', key: 'editor.toolbar.image', label: '![ ]' },
  { command: 'story-link', key: 'editor.toolbar.storyLink', label: '↗' },
  { command: 'faq', key: 'editor.toolbar.faq', label: '?' },
];

export function MarkdownToolbar({ t }: { t: Translator }) {
  return (
    <div
      class="md-toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      aria-controls="field_body"
      data-md-toolbar
      hidden
    >
      {BUTTONS.map((button, index) => (
        <button
          type="button"
          class="md-button"
          data-md={button.command}
          aria-label={t(button.key)}
          title={t(button.key)}
          aria-keyshortcuts={button.shortcut}
          tabindex={index === 0 ? 0 : -1}
        >
          <span aria-hidden="true">{button.label}</span>
        </button>
      ))}
    </div>
  );
}

/** The "Story link" search, a native dialog the toolbar opens. */
export function StoryLinkDialog({ t, locale }: { t: Translator; locale: string }) {
  return (
    <dialog class="story-link-dialog" aria-labelledby="story_link_heading" data-story-link-dialog>
      <h2 id="story_link_heading">{t('editor.storyLink.heading')}</h2>
      <label for="story_link_query">{t('editor.storyLink.search')}</label>
      <input
        id="story_link_query"
        type="search"
        autocomplete="off"
        data-story-link-query
        data-locale={locale}
      />
      <ul class="story-link-results" data-story-link-results aria-live="polite" />
      <p class="muted" data-story-link-none hidden>
        {t('editor.storyLink.none')}
      </p>
      <button type="button" data-story-link-close>
        {t('editor.storyLink.close')}
      </button>
    </dialog>
  );
}
