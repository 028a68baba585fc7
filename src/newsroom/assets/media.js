// The media picker dialog, and uploads by pasting or dropping an image into the story's body.
// Without this script the hero picker is a list of radio buttons and the body a plain textarea.
(() => {
  const root = document.querySelector('[data-media-picker]');
  const FALLBACK = {
    title: 'Choose an image',
    close: 'Close',
    choose: 'Use this image',
    upload: 'Upload a new image',
    uploading: 'Uploading {name}…',
    uploaded: 'Uploaded {name}.',
    failed: '{name} was not uploaded: {reason}',
    more: 'More images',
    none: 'No image',
    defaultAlt: 'The image’s own description: {alt}',
    search: 'Search by file name, description or credit',
  };
  let strings = FALLBACK;
  try {
    if (root?.dataset.strings) strings = { ...FALLBACK, ...JSON.parse(root.dataset.strings) };
  } catch {}
  const say = (key, values = {}) =>
    strings[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  const locale = () => root?.dataset.locale || document.documentElement.lang || '';
  const csrfToken = () => document.body.dataset.csrf || '';

  /** Uploads one file; resolves with the media record, or rejects with the server's message. */
  async function upload(file) {
    const body = new FormData();
    body.append('file', file);
    body.append('locale', locale());
    body.append('_csrf', csrfToken());
    const response = await fetch('/admin/media/upload', {
      method: 'POST',
      body,
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken() },
      credentials: 'same-origin',
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok || !answer.media) throw new Error(answer.error || response.statusText);
    return answer.media;
  }

  // ——— the dialog ———
  let dialog;
  let onPick = () => {};
  let state = { query: '', page: 1 };

  function element(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function buildDialog() {
    const status = element('p', { class: 'media-dialog-status', role: 'status' });
    const grid = element('ul', { class: 'media-dialog-grid' });
    const more = element('button', { type: 'button', class: 'button', hidden: '', text: say('more') });
    const search = element('input', { type: 'search', id: 'media_dialog_q', maxlength: '100' });
    const file = element('input', {
      type: 'file',
      id: 'media_dialog_file',
      accept: 'image/jpeg,image/png,image/webp,image/avif,image/gif',
    });
    const searchForm = element('form', { class: 'media-dialog-search', method: 'dialog' }, [
      element('label', { for: 'media_dialog_q', text: say('search') }),
      search,
    ]);
    searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      state = { query: search.value.trim(), page: 1 };
      load(false);
    });
    search.addEventListener('input', () => {
      clearTimeout(search.timer);
      search.timer = setTimeout(() => {
        state = { query: search.value.trim(), page: 1 };
        load(false);
      }, 250);
    });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      status.textContent = say('uploading', { name: chosen.name });
      try {
        const media = await upload(chosen);
        status.textContent = say('uploaded', { name: chosen.name });
        pick(media);
      } catch (error) {
        status.textContent = say('failed', { name: chosen.name, reason: error.message });
        status.classList.add('media-dialog-error');
      }
      file.value = '';
    });
    more.addEventListener('click', () => {
      state.page += 1;
      load(true);
    });
    const node = element('dialog', { class: 'media-dialog', 'aria-labelledby': 'media_dialog_title' }, [
      element('div', { class: 'media-dialog-head' }, [
        element('h2', { id: 'media_dialog_title', text: say('title') }),
        element('button', {
          type: 'button',
          class: 'button',
          text: say('close'),
          onclick: () => node.close(),
        }),
      ]),
      searchForm,
      element('div', { class: 'media-dialog-upload' }, [
        element('label', { for: 'media_dialog_file', text: say('upload') }),
        file,
      ]),
      status,
      grid,
      more,
    ]);
    node.parts = { grid, more, status, search };
    document.body.append(node);
    return node;
  }

  function pick(media) {
    dialog.close();
    onPick(media);
  }

  async function load(append) {
    const { grid, more } = dialog.parts;
    const params = new URLSearchParams({ locale: locale(), page: String(state.page) });
    if (state.query) params.set('q', state.query);
    const response = await fetch(`/admin/media/picker.json?${params}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return;
    const answer = await response.json();
    if (!append) grid.replaceChildren();
    for (const media of answer.items) {
      const image = element('img', {
        src: media.thumbnail.url,
        width: String(media.thumbnail.width),
        height: String(media.thumbnail.height),
        alt: '',
        loading: 'lazy',
      });
      const label = element('span', { text: media.alt || media.fileName || `#${media.id}` });
      const button = element(
        'button',
        { type: 'button', class: 'media-dialog-item', 'data-media-id': String(media.id) },
        [image, label],
      );
      button.setAttribute('aria-label', `${say('choose')}: ${media.alt || media.fileName || `#${media.id}`}`);
      button.addEventListener('click', () => pick(media));
      grid.append(element('li', {}, [button]));
    }
    more.hidden = answer.page >= answer.totalPages;
  }

  function open(callback) {
    dialog ??= buildDialog();
    onPick = typeof callback === 'function' ? callback : () => {};
    state = { query: '', page: 1 };
    dialog.parts.search.value = '';
    dialog.parts.status.textContent = '';
    dialog.parts.status.classList.remove('media-dialog-error');
    dialog.showModal();
    load(false);
  }

  // Claimed, so the editor's toolbar does not fall back to asking for an address.
  document.addEventListener('media-picker:open', (event) => {
    event.preventDefault();
    open(event.detail?.onPick);
  });

  // ——— the hero picker: the dialog fills the radio list ———
  const heroAlt = document.querySelector('[name="heroAlt"]');
  function showDefaultAlt(alt) {
    if (heroAlt) heroAlt.placeholder = alt || '';
  }
  if (root) {
    const button = root.querySelector('[data-media-picker-open]');
    const list = root.querySelector('.media-picker-list');
    button.hidden = false;
    // The dialog searches and pages; the form's own search and paging are for pages without it.
    for (const part of root.querySelectorAll('[data-media-picker-fallback]')) part.hidden = true;
    const checked = () => root.querySelector('input[type=radio]:checked');
    showDefaultAlt(checked()?.dataset.defaultAlt);
    root.addEventListener('change', () => showDefaultAlt(checked()?.dataset.defaultAlt));
    button.addEventListener('click', () =>
      open((media) => {
        let radio = root.querySelector(`input[type=radio][value="${media.id}"]`);
        if (!radio) {
          const name = root.querySelector('input[type=radio]').name;
          radio = element('input', { type: 'radio', name, value: String(media.id) });
          radio.dataset.defaultAlt = media.alt || '';
          const image = element('img', {
            src: media.thumbnail.url,
            width: String(media.thumbnail.width),
            height: String(media.thumbnail.height),
            alt: '',
          });
          const label = element('label', { class: 'media-choice' }, [
            radio,
            image,
            element('span', { text: media.alt || media.fileName || `#${media.id}` }),
          ]);
          list.insertBefore(element('li', {}, [label]), list.children[1] || null);
        }
        radio.checked = true;
        radio.dispatchEvent(new Event('change', { bubbles: true }));
        radio.focus();
      }),
    );
  }

  // ——— pasting or dropping an image into the body ———
  function insertAtCaret(textarea, text) {
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    textarea.setRangeText(text, start, end, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const escapeAlt = (alt) => alt.replace(/[[\]\\]/g, (c) => `\\${c}`);

  function bodyStatus(textarea) {
    let status = textarea.parentElement.querySelector('.media-upload-status');
    if (!status) {
      status = element('p', { class: 'media-upload-status', role: 'status' });
      textarea.after(status);
    }
    return status;
  }

  async function uploadInto(textarea, files) {
    const status = bodyStatus(textarea);
    for (const file of files) {
      status.classList.remove('media-dialog-error');
      status.textContent = say('uploading', { name: file.name || 'image' });
      textarea.setAttribute('aria-busy', 'true');
      try {
        const media = await upload(file);
        insertAtCaret(textarea, `![${escapeAlt(media.alt || '')}](${media.url})`);
        status.textContent = say('uploaded', { name: file.name || 'image' });
      } catch (error) {
        status.classList.add('media-dialog-error');
        status.textContent = say('failed', { name: file.name || 'image', reason: error.message });
      } finally {
        textarea.removeAttribute('aria-busy');
      }
    }
  }

  const imagesOf = (list) => [...(list || [])].filter((file) => file.type.startsWith('image/'));
  document.addEventListener('paste', (event) => {
    const textarea = event.target.closest?.('textarea[data-markdown-body]');
    const files = imagesOf(event.clipboardData?.files);
    if (!textarea || files.length === 0) return;
    event.preventDefault();
    uploadInto(textarea, files);
  });
  document.addEventListener('dragover', (event) => {
    if (event.target.closest?.('textarea[data-markdown-body]') && event.dataTransfer?.types.includes('Files'))
      event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    const textarea = event.target.closest?.('textarea[data-markdown-body]');
    const files = [...(event.dataTransfer?.files || [])];
    if (!textarea || files.length === 0) return;
    event.preventDefault();
    // A refused file (not an image) is sent too, so the person reads the server's reason.
    uploadInto(textarea, files);
  });
})();
