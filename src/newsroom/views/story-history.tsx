import type { FieldDiff } from '../../editorial/index.js';
import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';
import { DiffFields } from './story-diff.js';

export interface RevisionRowView {
  revision: number;
  title: string;
  savedLabel: string;
  savedAt: string;
  savedBy: string;
  compareHref?: string;
}

export interface RevisionsView {
  t: Translator;
  storyId: number;
  heading: string;
  editorHref: string;
  locale: string;
  lang: string;
  tabs: { label: string; href: string; current: boolean }[];
  revisions: RevisionRowView[];
  current: number | null;
}

export function RevisionsPage({ view }: { view: RevisionsView }) {
  const { t } = view;
  const numbers = view.revisions.map((r) => String(r.revision));
  return (
    <>
      <p>
        <a href={view.editorHref}>{t('stories.history.backToEditor')}</a>
      </p>
      <h1>{view.heading}</h1>
      <nav aria-label={t('stories.editor.locales')}>
        <ul class="tabs">
          {view.tabs.map((tab) => (
            <li>
              <a href={tab.href} aria-current={tab.current ? 'page' : undefined}>
                {tab.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {view.revisions.length === 0 ? (
        <p>{t('stories.history.none')}</p>
      ) : (
        <>
          {view.revisions.length > 1 ? (
            <form method="get" action={`/admin/stories/${view.storyId}/compare`} class="filters">
              <input type="hidden" name="locale" value={view.locale} />
              <div class="field">
                <label for="compare_a">{t('stories.history.from')}</label>
                <select id="compare_a" name="a">
                  {numbers.map((n, i) => (
                    <option value={n} selected={i === 1}>
                      {t('stories.history.revision', { revision: n })}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="compare_b">{t('stories.history.to')}</label>
                <select id="compare_b" name="b">
                  {numbers.map((n, i) => (
                    <option value={n} selected={i === 0}>
                      {t('stories.history.revision', { revision: n })}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t('stories.history.compare')}</button>
            </form>
          ) : null}
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('stories.history.revisionColumn')}</th>
                <th scope="col">{t('stories.field.title')}</th>
                <th scope="col">{t('stories.history.savedAt')}</th>
                <th scope="col">{t('stories.history.savedBy')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('stories.history.compare')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.revisions.map((r) => (
                <tr>
                  <td>
                    {r.revision}
                    {r.revision === view.current ? (
                      <span class="badge">{t('stories.history.current')}</span>
                    ) : null}
                  </td>
                  <td lang={view.lang}>{r.title}</td>
                  <td>
                    <time datetime={r.savedAt}>{r.savedLabel}</time>
                  </td>
                  <td>{r.savedBy}</td>
                  <td>
                    {r.compareHref ? (
                      <a href={r.compareHref}>{t('stories.history.compareWithCurrent')}</a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

export interface CompareView {
  t: Translator;
  csrfToken: string | undefined;
  heading: string;
  historyHref: string;
  lang: string;
  from: { revision: number; savedLabel: string; savedBy: string };
  to: { revision: number; savedLabel: string; savedBy: string };
  fields: FieldDiff[];
  /** Present when the person may restore `from` (as a new revision). */
  restore?: { action: string; locale: string; revision: number };
}

export function ComparePage({ view }: { view: CompareView }) {
  const { t } = view;
  return (
    <>
      <p>
        <a href={view.historyHref}>{t('stories.history.back')}</a>
      </p>
      <h1>{view.heading}</h1>
      <p>
        {t('stories.history.comparing', {
          from: view.from.revision,
          fromBy: view.from.savedBy,
          fromAt: view.from.savedLabel,
          to: view.to.revision,
          toBy: view.to.savedBy,
          toAt: view.to.savedLabel,
        })}
      </p>
      <DiffFields t={t} fields={view.fields} lang={view.lang} level={2} />
      {view.restore ? (
        <form method="post" action={view.restore.action} class="actions">
          <CsrfField token={view.csrfToken} />
          <input type="hidden" name="locale" value={view.restore.locale} />
          <input type="hidden" name="revision" value={String(view.restore.revision)} />
          <button type="submit">{t('stories.history.restore', { revision: view.restore.revision })}</button>
          <span class="muted">{t('stories.history.restoreHint')}</span>
        </form>
      ) : null}
    </>
  );
}

export interface DeleteView {
  t: Translator;
  csrfToken: string | undefined;
  title: string;
  lang: string;
  action: string;
  editorHref: string;
  locales: string[];
  published: boolean;
}

export function DeleteConfirmPage({ view }: { view: DeleteView }) {
  const { t } = view;
  return (
    <section class="panel">
      <h1>{t('stories.delete.heading')}</h1>
      <p>
        <strong lang={view.lang}>{view.title}</strong>
      </p>
      <p>{t('stories.delete.explain', { locales: view.locales.join(t('stories.diff.separator')) })}</p>
      {view.published ? <p class="notice notice-warning">{t('stories.delete.published')}</p> : null}
      <form method="post" action={view.action} class="actions">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" class="button button-danger">
          {t('stories.delete.confirm')}
        </button>
        <a href={view.editorHref}>{t('stories.action.cancel')}</a>
      </form>
    </section>
  );
}
