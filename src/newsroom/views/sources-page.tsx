import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { Time, type TimeView } from './desk-cluster-card.js';

export interface SourceRowView {
  id: number;
  title: string;
  /** Shown under the title when it says something the title does not. */
  publisher: string;
  feedUrl: string;
  feedHref: string | undefined;
  siteHref: string | undefined;
  folder: string;
  state: 'active' | 'paused' | 'manual';
  lastFetch: TimeView | undefined;
  lastSuccess: TimeView | undefined;
  nextFetch: TimeView | undefined;
  lastError: string;
  lastStatus: number | null;
  failures: number;
  items: number;
  /** Absent for feeds taken in from a file: they have no address to fetch. */
  refreshAction: string | undefined;
  pauseAction: string | undefined;
  deleteAction: string;
}

export interface SourcesView {
  t: Translator;
  csrfToken: string | undefined;
  sources: SourceRowView[];
  add: { url: string; folder: string; error?: string | undefined };
  importError?: string | undefined;
  /** As text: a number in a message would be grouped (1,024). */
  maxOpmlKilobytes: string;
}

/** A value an `<input type="url">` may hold; anything else is shown again in a text field. */
function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const STATE_BADGE = {
  active: 'badge badge-published',
  paused: 'badge badge-scheduled',
  manual: 'badge',
};

function SourceActions({
  t,
  csrfToken,
  row,
}: {
  t: Translator;
  csrfToken: string | undefined;
  row: SourceRowView;
}) {
  return (
    <div class="actions desk-row-actions">
      {row.refreshAction ? (
        <form method="post" action={row.refreshAction}>
          <CsrfField token={csrfToken} />
          <button type="submit">{t('sources.action.refresh')}</button>
        </form>
      ) : null}
      {row.pauseAction ? (
        <form method="post" action={row.pauseAction}>
          <CsrfField token={csrfToken} />
          <button type="submit">
            {t(row.state === 'paused' ? 'sources.action.resume' : 'sources.action.pause')}
          </button>
        </form>
      ) : null}
      <form
        method="post"
        action={row.deleteAction}
        data-confirm={t('sources.delete.question', { title: row.title })}
      >
        <CsrfField token={csrfToken} />
        <input type="hidden" name="confirmed" value="" data-confirmed />
        <button type="submit" class="button-danger">
          {t('sources.action.remove')}
        </button>
      </form>
    </div>
  );
}

function SourcesTable({ view }: { view: SourcesView }) {
  const { t } = view;
  return (
    // Focusable, so keyboard users can scroll it sideways on a narrow screen.
    <section class="table-scroll" aria-labelledby="sources_table_heading" tabindex={0}>
      <h2 id="sources_table_heading" class="visually-hidden">
        {t('sources.tableHeading', { count: view.sources.length })}
      </h2>
      <table class="data sources-table">
        <thead>
          <tr>
            <th scope="col">{t('sources.column.source')}</th>
            <th scope="col">{t('sources.column.state')}</th>
            <th scope="col">{t('sources.column.fetched')}</th>
            <th scope="col">{t('sources.column.error')}</th>
            <th scope="col">{t('sources.column.items')}</th>
            <th scope="col">{t('sources.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.sources.map((row) => (
            <tr>
              <th scope="row" class="sources-name">
                {row.siteHref ? (
                  <a href={row.siteHref} rel="noopener noreferrer">
                    {row.title}
                  </a>
                ) : (
                  row.title
                )}
                {row.publisher ? <span class="muted sources-sub">{row.publisher}</span> : null}
                <span class="sources-sub sources-url">
                  {row.feedHref ? (
                    <a href={row.feedHref} rel="noopener noreferrer">
                      {row.feedUrl}
                    </a>
                  ) : (
                    row.feedUrl
                  )}
                </span>
                {row.folder ? (
                  <span class="muted sources-sub">{t('sources.folder', { folder: row.folder })}</span>
                ) : null}
              </th>
              <td>
                <span class={STATE_BADGE[row.state]}>{t(`sources.state.${row.state}`)}</span>
                {row.failures > 0 ? (
                  <span class="badge badge-unpublished">
                    {t('sources.failures', { count: row.failures })}
                  </span>
                ) : null}
              </td>
              <td>
                <dl class="sources-times">
                  <dt>{t('sources.time.lastFetch')}</dt>
                  <dd>
                    <Time time={row.lastFetch} />
                  </dd>
                  <dt>{t('sources.time.lastSuccess')}</dt>
                  <dd>
                    <Time time={row.lastSuccess} />
                  </dd>
                  <dt>{t('sources.time.next')}</dt>
                  <dd>{row.nextFetch ? <Time time={row.nextFetch} /> : t('sources.time.never')}</dd>
                </dl>
              </td>
              <td class="delivery-error">
                {row.lastStatus !== null && row.lastError ? <code>{row.lastStatus}</code> : null}{' '}
                {row.lastError}
              </td>
              <td class="numeric">{row.items}</td>
              <td class="sources-actions">
                <SourceActions t={t} csrfToken={view.csrfToken} row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SourcesPage({ view }: { view: SourcesView }) {
  const { t } = view;
  return (
    <>
      <div class="actions">
        <h1>{t('sources.heading')}</h1>
        <a href="/admin/desk">{t('sources.inboxLink')}</a>
      </div>
      {view.sources.length === 0 ? <p class="muted">{t('sources.empty')}</p> : <SourcesTable view={view} />}
      <div class="sources-forms">
        <form method="post" action="/admin/sources" class="panel" aria-labelledby="add_source_heading">
          <h2 id="add_source_heading">{t('sources.add.heading')}</h2>
          <CsrfField token={view.csrfToken} />
          <Field
            name="url"
            type={isAbsoluteUrl(view.add.url) || view.add.url === '' ? 'url' : 'text'}
            label={t('sources.add.url')}
            hint={t('sources.add.urlHint')}
            value={view.add.url}
            error={view.add.error}
            required
            autocomplete="url"
          />
          <Field
            name="folder"
            label={t('sources.add.folder')}
            hint={t('sources.add.folderHint')}
            value={view.add.folder}
          />
          <button type="submit" class="button button-primary">
            {t('sources.add.submit')}
          </button>
        </form>
        <section class="panel" aria-labelledby="opml_heading">
          <h2 id="opml_heading">{t('sources.opml.heading')}</h2>
          <form method="post" action="/admin/sources/import" enctype="multipart/form-data">
            <CsrfField token={view.csrfToken} />
            <div class={view.importError ? 'field field-invalid' : 'field'}>
              <label for="field_opml">{t('sources.opml.file')}</label>
              <p class="field-hint" id="field_opml_hint">
                {t('sources.opml.fileHint', { kilobytes: view.maxOpmlKilobytes })}
              </p>
              <input
                id="field_opml"
                type="file"
                name="opml"
                accept=".opml,.xml,text/x-opml,application/xml,text/xml"
                required
                aria-invalid={view.importError ? 'true' : undefined}
                aria-describedby={view.importError ? 'field_opml_hint field_opml_error' : 'field_opml_hint'}
              />
              {view.importError ? (
                <p class="field-error" id="field_opml_error">
                  {view.importError}
                </p>
              ) : null}
            </div>
            <button type="submit">{t('sources.opml.import')}</button>
          </form>
          <p>
            <a href="/admin/sources/export.opml" download>
              {t('sources.opml.export')}
            </a>
          </p>
        </section>
      </div>
    </>
  );
}

export function SourceDeleteConfirmPage({
  view,
}: {
  view: { t: Translator; csrfToken: string | undefined; title: string; items: number; action: string };
}) {
  const { t } = view;
  return (
    <section class="panel">
      <h1>{t('sources.delete.heading')}</h1>
      <p>{t('sources.delete.text', { title: view.title, items: view.items })}</p>
      <form method="post" action={view.action} class="actions">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" class="button-danger">
          {t('sources.action.remove')}
        </button>
        <a href="/admin/sources">{t('sources.delete.cancel')}</a>
      </form>
    </section>
  );
}
