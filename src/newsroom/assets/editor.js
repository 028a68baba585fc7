// The story editor: autosave while typing, a warning before leaving unsaved work, the Markdown
// toolbar and its shortcuts, the story-link search, and source rows added in place. Without this
// file the form still saves, and its row buttons go through the server with every field kept.
(() => {
  const form = document.querySelector('form[data-editor]');
  if (!form) return;
  const body = form.querySelector('textarea[data-markdown-body]');
  const strings = JSON.parse(form.dataset.editorStrings || '{}');
  const csrfToken = () => document.body.dataset.csrf || '';
  const fill = (template, values) =>
    String(template || '').replace(/\{(\w+)\}/g, (hole, name) => (name in values ? values[name] : hole));
  const stateLine = form.querySelector('[data-save-state]');
  const say = (text) => {
    if (stateLine) stateLine.textContent = text;
  };

  // Unsaved changes: any edit marks the page; submitting the form (a save) clears the warning.
  let dirty = false;
  let submitting = false;
  const markDirty = () => {
    if (!dirty) say(strings.unsaved);
    dirty = true;
  };
  form.addEventListener('input', markDirty);
  form.addEventListener('change', markDirty);
  form.addEventListener('submit', () => {
    submitting = true;
  });
  window.addEventListener('beforeunload', (event) => {
    if (!dirty || submitting) return;
    event.preventDefault();
    // Older browsers show the warning only when returnValue is set.
    event.returnValue = strings.leave || '';
  });

  // Autosave: after a few seconds without typing, the text goes to the server as an autosave
  // (not a revision). The answer names the revision saved now, so a save by someone else shows.
  const autosaveUrl = form.dataset.autosaveUrl;
  const baseField = form.querySelector('[data-base-revision]');
  const IDLE_MS = 2000;
  let idleTimer;
  let inFlight = false;
  let again = false;
  const textOf = (name) => {
    const field = form.elements.namedItem(name);
    return field && 'value' in field ? field.value : '';
  };
  const faqRows = () => {
    const questions = [...form.querySelectorAll('[name="faqQuestion"]')].map((f) => f.value);
    const answers = [...form.querySelectorAll('[name="faqAnswer"]')].map((f) => f.value);
    return questions.map((question, i) => ({ question, answer: answers[i] || '' }));
  };
  const autosave = async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    const base = Number(baseField?.value || '');
    try {
      const response = await fetch(autosaveUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': csrfToken(),
          accept: 'application/json',
        },
        body: JSON.stringify({
          baseRevision: Number.isInteger(base) && base > 0 ? base : null,
          title: textOf('title'),
          summary: textOf('summary'),
          body: textOf('body'),
          heroAlt: textOf('heroAlt'),
          faq: faqRows(),
        }),
      });
      if (!response.ok) throw new Error(`autosave answered ${response.status}`);
      const answer = await response.json();
      const current = answer.current;
      const time = `${answer.savedAt.slice(11, 16)} UTC`;
      if (current && base > 0 && current.revision > base) {
        const notice = fill(strings.othersSaved, {
          who: current.savedBy || strings.someone,
          revision: String(current.revision),
          time: `${current.savedAt.slice(0, 10)} ${current.savedAt.slice(11, 16)} UTC`,
        });
        say(notice);
        stateLine?.classList.add('save-state-warning');
        form.dataset.othersSaved = String(current.revision);
      } else {
        say(fill(strings.autosaved, { time }));
      }
      form.dataset.autosavedAt = answer.savedAt;
    } catch (error) {
      console.warn('autosave failed', error);
      say(strings.autosaveFailed);
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        autosave();
      }
    }
  };
  if (autosaveUrl) {
    form.addEventListener('input', (event) => {
      if (!(event.target instanceof Element) || event.target.closest('.editor-settings')) {
        // Settings (section, entities, sources) are not part of an autosave; the heroAlt is.
        if (!(event.target instanceof Element) || event.target.getAttribute('name') !== 'heroAlt') return;
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(autosave, IDLE_MS);
    });
  }

  // The Markdown toolbar: each button edits the body's text as typed Markdown, at the caret.
  const toolbar = form.querySelector('[data-md-toolbar]');
  const insert = (text, selectFrom, selectTo) => {
    body.focus();
    const start = body.selectionStart;
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    const done = document.execCommand?.('insertText', false, text);
    if (!done) {
      body.setRangeText(text, body.selectionStart, body.selectionEnd, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (selectFrom !== undefined)
      body.setSelectionRange(start + selectFrom, start + (selectTo ?? selectFrom));
  };
  const selected = () => body.value.slice(body.selectionStart, body.selectionEnd);
  const wrap = (mark, placeholder) => {
    const text = selected() || placeholder;
    insert(`${mark}${text}${mark}`, mark.length, mark.length + text.length);
  };
  // Whole lines under the selection, each given a prefix (`## `, `- `, `1. `, `> `).
  const prefixLines = (prefixOf) => {
    const value = body.value;
    const start = value.lastIndexOf('\n', body.selectionStart - 1) + 1;
    let end = value.indexOf('\n', body.selectionEnd);
    if (end === -1 || body.selectionEnd < body.selectionStart) end = value.length;
    const lines = value.slice(start, end).split('\n');
    body.setSelectionRange(start, end);
    insert(
      lines.map((line, i) => `${prefixOf(i)}${line.replace(/^(#{1,6} |[-*] |\d+\. |> )/, '')}`).join('\n'),
    );
  };
  // A block on lines of its own, with a blank line before and after.
  const block = (text) => {
    const before = body.value.slice(0, body.selectionStart);
    const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    insert(`${lead}${text}\n\n`);
  };
  const commands = {
    bold: () => wrap('**', strings.boldSample || 'bold'),
    italic: () => wrap('*', strings.italicSample || 'italic'),
    link: () => {
      const url = window.prompt(strings.linkPrompt, 'https://');
      if (!url) return;
      const text = selected() || url;
      insert(`[${text}](${url})`);
    },
    h2: () => prefixLines(() => '## '),
    h3: () => prefixLines(() => '### '),
    ul: () => prefixLines(() => '- '),
    ol: () => prefixLines((i) => `${i + 1}. `),
    quote: () => prefixLines(() => '> '),
    table: () => block('| Column 1 | Column 2 |\n| --- | --- |\n|  |  |'),
    image: () => {
      const caret = [body.selectionStart, body.selectionEnd];
      const onPick = (media) => {
        body.setSelectionRange(caret[0], caret[1]);
        block(`![${media.alt || ''}](${media.url})`);
      };
      const event = new CustomEvent('media-picker:open', { cancelable: true, detail: { onPick } });
      document.dispatchEvent(event);
      // The media picker claims the event (preventDefault) or opens its dialog; otherwise ask.
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const url = window.prompt(strings.imagePrompt, '');
      if (!url) return;
      const alt = window.prompt(strings.altPrompt, '') || '';
      onPick({ url, alt });
    },
    'story-link': () => openStoryLink(),
    faq: () => form.querySelector('[data-faq-action="add"]')?.click(),
  };
  const run = (command) => commands[command]?.();
  if (toolbar && body) {
    toolbar.hidden = false;
    const buttons = [...toolbar.querySelectorAll('button[data-md]')];
    toolbar.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-md]') : null;
      if (button) run(button.dataset.md);
    });
    // One tab stop for the whole toolbar; arrows, Home and End move between its buttons.
    toolbar.addEventListener('keydown', (event) => {
      const index = buttons.indexOf(document.activeElement);
      if (index === -1) return;
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = buttons[(moves[event.key] + buttons.length) % buttons.length];
      for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
      next.focus();
    });
    body.addEventListener('keydown', (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const command = { b: 'bold', i: 'italic', k: 'link' }[key];
      if (!command) return;
      event.preventDefault();
      run(command);
    });
  }

  // "Story link": a search of stories in this language; picking one inserts `[title](story:id)`.
  const dialog = document.querySelector('[data-story-link-dialog]');
  let linkCaret = [0, 0];
  function openStoryLink() {
    if (!dialog || typeof dialog.showModal !== 'function') return;
    linkCaret = [body.selectionStart, body.selectionEnd];
    dialog.showModal();
    dialog.querySelector('[data-story-link-query]')?.focus();
  }
  if (dialog) {
    const query = dialog.querySelector('[data-story-link-query]');
    const results = dialog.querySelector('[data-story-link-results]');
    const none = dialog.querySelector('[data-story-link-none]');
    let searchTimer;
    const search = async () => {
      const q = query.value.trim();
      results.replaceChildren();
      none.hidden = true;
      if (q === '') return;
      const url = `/admin/stories/link-search?q=${encodeURIComponent(q)}&locale=${encodeURIComponent(query.dataset.locale || '')}`;
      const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return;
      const { stories } = await response.json();
      none.hidden = stories.length > 0;
      for (const story of stories) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${story.title} (${story.slug})`;
        button.addEventListener('click', () => {
          dialog.close();
          body.setSelectionRange(linkCaret[0], linkCaret[1]);
          const text = selected() || story.title;
          insert(`[${text.replace(/[[\]]/g, '')}](story:${story.storyId})`);
        });
        item.appendChild(button);
        results.appendChild(item);
      }
    };
    query.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(search, 250);
    });
    dialog.querySelector('[data-story-link-close]')?.addEventListener('click', () => dialog.close());
  }

  // Source rows added and removed in place: nothing else on the page is touched.
  const sources = form.querySelector('[data-sources]');
  const sourceList = sources?.querySelector('[data-source-list]');
  const sourceTemplate = sources?.querySelector('template[data-source-template]');
  if (sources && sourceList && sourceTemplate) {
    let nextSource = 1000;
    sources.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest('button[data-source-action]') : null;
      if (!button) return;
      event.preventDefault();
      if (button.dataset.sourceAction === 'add') {
        const row = sourceTemplate.content.firstElementChild.cloneNode(true);
        const id = nextSource++;
        for (const element of row.querySelectorAll('[id], [for], [aria-describedby]')) {
          for (const attribute of ['id', 'for', 'aria-describedby']) {
            const value = element.getAttribute(attribute);
            if (value) element.setAttribute(attribute, value.replace(/source_\d+_/g, `source_${id}_`));
          }
        }
        sourceList.appendChild(row);
        row.querySelector('input')?.focus();
      } else {
        const row = button.closest('li');
        const after = row?.nextElementSibling || row?.previousElementSibling;
        row?.remove();
        (after?.querySelector('input') || sources.querySelector('[data-source-action="add"]'))?.focus();
      }
      markDirty();
    });
  }
})();
