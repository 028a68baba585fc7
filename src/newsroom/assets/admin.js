// Small enhancements for the newsroom admin. Every page works without this file: each action
// here has a server-side path (submit buttons, confirmation pages) that it only shortens.
(() => {
  const csrfToken = () => document.body.dataset.csrf || '';

  // Confirmation before destructive actions. A form with data-confirm gets its `confirmed` field
  // set once the person agrees; without JavaScript the server shows a confirmation page instead.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-confirm]') : null;
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    const field = form.querySelector('[data-confirmed]');
    if (field) field.value = 'yes';
  });

  // Live preview of the Markdown body, rendered by the server exactly as the site renders it.
  const body = document.querySelector('textarea[data-live-preview]');
  const target = document.querySelector('[data-preview-target]');
  if (body && target) {
    let timer;
    let controller;
    const render = async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch('/admin/stories/preview-markdown', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'x-csrf-token': csrfToken(), accept: 'text/html' },
          body: new URLSearchParams({ locale: body.dataset.livePreview || '', body: body.value }),
          signal: controller.signal,
        });
        // The server's HTML is its Markdown renderer's output with raw HTML off: safe to insert.
        if (response.ok) target.innerHTML = await response.text();
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError'))
          console.warn('preview failed', error);
      }
    };
    body.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(render, 400);
    });
  }

  // FAQ rows: add, remove and move in place instead of a round trip to the server.
  const faq = document.querySelector('[data-faq]');
  const list = faq?.querySelector('[data-faq-list]');
  const template = faq?.querySelector('template[data-faq-template]');
  if (faq && list && template) {
    let next = 1000;
    const renumber = () => {
      const items = [...list.querySelectorAll('[data-faq-item]')];
      items.forEach((item, index) => {
        for (const label of item.querySelectorAll('label')) {
          label.textContent = label.textContent.replace(/\d+/, String(index + 1));
        }
        const up = item.querySelector('[data-faq-action="up"]');
        const down = item.querySelector('[data-faq-action="down"]');
        if (up) up.disabled = index === 0;
        if (down) down.disabled = index === items.length - 1;
      });
    };
    faq.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-faq-action]') : null;
      if (!button) return;
      event.preventDefault();
      const item = button.closest('[data-faq-item]');
      const action = button.dataset.faqAction;
      if (action === 'add') {
        const clone = template.content.firstElementChild.cloneNode(true);
        const id = next++;
        for (const element of clone.querySelectorAll('[id], [for], [aria-describedby]')) {
          for (const attribute of ['id', 'for', 'aria-describedby']) {
            const value = element.getAttribute(attribute);
            if (value) element.setAttribute(attribute, value.replace(/faq_\d+_/g, `faq_${id}_`));
          }
        }
        list.appendChild(clone);
        const first = clone.querySelector('input, textarea');
        if (first) first.focus();
      } else if (action === 'remove' && item) {
        const focusAfter = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        const focusable = focusAfter?.querySelector('input, textarea');
        if (focusable) focusable.focus();
      } else if (action === 'up' && item && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
        button.focus();
      } else if (action === 'down' && item && item.nextElementSibling) {
        list.insertBefore(item.nextElementSibling, item);
        button.focus();
      }
      renumber();
    });
  }

  // Entities: a suggestion chip ticks the entity in the list; a name picked in the add field too.
  const entities = document.querySelector('[data-entities]');
  const entityList = entities?.querySelector('[data-entity-list]');
  if (entities && entityList) {
    const tick = (slug) => {
      const box = [...entityList.querySelectorAll('input[name="entity"]')].find(
        (input) => input.value === slug,
      );
      if (!box) return false;
      box.checked = true;
      return true;
    };
    entities.addEventListener('change', (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement)) return;
      if (input.matches('[data-entity-suggestion]') && input.checked && tick(input.value)) {
        input.closest('li')?.remove();
      } else if (input.matches('[data-entity-add]')) {
        const options = [...entities.querySelectorAll('datalist option')].map((option) => option.value);
        if (options.includes(input.value.trim()) && tick(input.value.trim())) input.value = '';
      }
    });
  }

  // The newsletter's delivery counts, fetched again every few seconds while an issue is sending;
  // without this script the page's refresh link does the same by hand. Numbers only change text.
  const live = document.querySelector('[data-newsletter-live]');
  if (live && live.dataset.active === 'true') {
    const POLL_MS = 5000;
    const write = (scope, counts) => {
      if (!scope || !counts) return;
      for (const cell of scope.querySelectorAll('[data-count]')) {
        const value = counts[cell.dataset.count];
        if (typeof value === 'number' && cell.textContent !== String(value)) cell.textContent = String(value);
      }
    };
    const poll = async () => {
      // A hidden tab asks nothing; it catches up once it is looked at again.
      if (!document.hidden) {
        try {
          const response = await fetch(live.dataset.newsletterLive, {
            credentials: 'same-origin',
            cache: 'no-store',
            headers: { accept: 'application/json' },
          });
          // Signed out or refused: the page stays as it is and its refresh link still works.
          if (!response.ok) return;
          const data = await response.json();
          write(live.querySelector('[data-counts-totals]'), data.totals);
          for (const [id, counts] of Object.entries(data.issues || {})) {
            const row = document.querySelector(`tr[data-issue="${CSS.escape(id)}"]`);
            if (!row) continue;
            write(row, counts);
            const badge = row.querySelector('[data-issue-state]');
            if (badge && typeof counts.stateLabel === 'string') {
              badge.textContent = counts.stateLabel;
              badge.className = counts.badge;
            }
          }
          if (!data.active) {
            live.dataset.active = 'false';
            const status = live.querySelector('[data-live-status]');
            if (status?.dataset.idle) status.textContent = status.dataset.idle;
            return;
          }
        } catch (error) {
          console.warn('newsletter counts could not be refreshed', error);
        }
      }
      setTimeout(poll, POLL_MS);
    };
    setTimeout(poll, POLL_MS);
  }
})();
