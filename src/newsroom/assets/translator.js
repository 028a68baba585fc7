// The translator's desk: source and translation side by side, block by block. The stored form
// stays one Markdown body: every edit here writes the rows, joined, into the body field (and fires
// its `input` event, so autosave and the live preview see it). Without this script the desk stays
// hidden and the body field does the whole job.
(() => {
  const desk = document.querySelector('[data-translation-desk]');
  const form = desk?.closest('form');
  const body = form?.querySelector('textarea[name="body"]');
  if (!desk || !form || !body) return;
  desk.hidden = false;

  const rows = [...desk.querySelectorAll('[data-desk-row]')];
  const fieldsOf = (row) => [...row.querySelectorAll('textarea[data-desk-block], textarea[data-desk-cell]')];
  const csrfToken = () => document.body.dataset.csrf || '';

  const tableMarkdown = (table) => {
    const lines = [...table.querySelectorAll('[data-desk-table-row]')].map(
      (tr) =>
        `| ${[...tr.querySelectorAll('textarea[data-desk-cell]')].map((input) => input.value.replace(/\n/g, ' ').trim()).join(' | ')} |`,
    );
    lines.splice(1, 0, table.dataset.delimiter || '');
    return lines.join('\n');
  };
  const rowMarkdown = (row) => {
    const table = row.querySelector('[data-desk-table]');
    if (table) return tableMarkdown(table);
    return row.querySelector('textarea[data-desk-block]')?.value ?? '';
  };
  const joined = () =>
    rows
      .map((row) => rowMarkdown(row).replace(/\s+$/, ''))
      .filter((text) => text.trim() !== '')
      .join('\n\n');

  // Each row's field grows with its text, so a long paragraph reads whole beside its source.
  const growToText = (field) => {
    if (!(field instanceof HTMLTextAreaElement)) return;
    // scrollHeight leaves out the borders, which a border-box height includes.
    const borders = field.offsetHeight - field.clientHeight;
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight + borders}px`;
  };
  const growAll = () => {
    for (const field of desk.querySelectorAll('textarea[data-desk-block], textarea[data-desk-cell]'))
      growToText(field);
  };
  growAll();
  // Web fonts and the final column width arrive after this script runs.
  window.addEventListener('load', growAll);
  window.addEventListener('resize', growAll);

  let writing = false;
  let outOfSync = false;
  const writeBody = () => {
    writing = true;
    body.value = joined();
    body.dispatchEvent(new Event('input', { bubbles: true }));
    writing = false;
  };

  // Someone typing in the body field itself has taken over: the rows would overwrite that work.
  body.addEventListener('input', () => {
    if (writing || outOfSync) return;
    outOfSync = true;
    for (const row of rows) for (const field of fieldsOf(row)) field.disabled = true;
    const note = document.createElement('p');
    note.className = 'notice notice-warning';
    note.textContent = desk.dataset.outOfSync || '';
    desk.querySelector('h2')?.after(note);
  });

  // Entity names: inserted where the translator last was in that row, else at the row's end.
  const lastField = new WeakMap();
  desk.addEventListener('focusin', (event) => {
    const row = event.target instanceof Element ? event.target.closest('[data-desk-row]') : null;
    if (
      row &&
      (event.target.matches('textarea[data-desk-block]') || event.target.matches('textarea[data-desk-cell]'))
    )
      lastField.set(row, event.target);
  });
  desk.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-desk-insert]') : null;
    if (!button) return;
    const row = button.closest('[data-desk-row]');
    const field = lastField.get(row) || fieldsOf(row)[0];
    if (!field || field.disabled) return;
    const name = button.dataset.deskInsert || '';
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(name, start, end, 'end');
    field.focus();
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });

  // Language QA as the translator types: the server checks the unsaved text, a moment after the
  // last keystroke, and the findings are shown beside the rows and above them.
  const qaBox = desk.querySelector('[data-desk-qa]');
  let timer;
  let controller;
  const fieldValue = (name) => form.querySelector(`[name="${name}"]`)?.value ?? '';
  const faq = () => {
    const questions = [...form.querySelectorAll('[name="faqQuestion"]')];
    const answers = [...form.querySelectorAll('[name="faqAnswer"]')];
    return questions.map((q, i) => ({ question: q.value, answer: answers[i]?.value ?? '' }));
  };
  const showRow = (row, check) => {
    const box = row.querySelector('[data-desk-row-qa]');
    let text = '';
    if (check?.untranslated > 0) text = desk.dataset.untranslated || '';
    else if (check?.language) text = (desk.dataset.language || '').replace('{language}', check.language);
    box.textContent = text;
    // Text still to translate is work in progress; text in the wrong language is a problem.
    row.classList.toggle('desk-row-todo', check?.untranslated > 0);
    row.classList.toggle('desk-row-flagged', !(check?.untranslated > 0) && Boolean(check?.language));
  };
  const check = async () => {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(desk.dataset.qaAction, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': csrfToken(),
          accept: 'application/json',
        },
        body: JSON.stringify({
          title: fieldValue('title'),
          summary: fieldValue('summary'),
          body: body.value,
          heroAlt: fieldValue('heroAlt'),
          faq: faq(),
          rows: rows.map(rowMarkdown),
        }),
        signal: controller.signal,
      });
      if (!response.ok) return;
      const result = await response.json();
      rows.forEach((row, i) => {
        showRow(row, result.rows[i]);
      });
      qaBox.replaceChildren();
      if (result.lines.length === 0) {
        const clean = document.createElement('p');
        clean.textContent = desk.dataset.clean || '';
        qaBox.append(clean);
        return;
      }
      // The first few findings in view; the rest one click away, so the rows stay near the top.
      const listOf = (lines) => {
        const list = document.createElement('ul');
        for (const line of lines) {
          const item = document.createElement('li');
          item.className = `qa-${line.severity}`;
          item.textContent = line.text;
          list.append(item);
        }
        return list;
      };
      qaBox.append(listOf(result.lines.slice(0, 3)));
      if (result.lines.length > 3) {
        const more = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = (desk.dataset.more || '').replace('{count}', String(result.lines.length - 3));
        more.append(summary, listOf(result.lines.slice(3)));
        qaBox.append(more);
      }
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('QA failed', error);
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  };
  desk.addEventListener('input', (event) => {
    if (event.target === body) return;
    growToText(event.target);
    writeBody();
    soon();
  });
  for (const name of ['title', 'summary', 'heroAlt'])
    form.querySelector(`[name="${name}"]`)?.addEventListener('input', soon);
  check();
})();
