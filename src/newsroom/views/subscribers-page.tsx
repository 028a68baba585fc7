import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { SelectField } from './form-controls.js';
import { Pager, type PagerView } from './pager.js';

export interface SubscriberRowView {
  id: number;
  email: string;
  locale: string;
  frequency: 'daily' | 'weekly';
  state: 'pending' | 'active' | 'unsubscribed' | 'suppressed';
  topics: string[];
  confirmed: { iso: string; label: string } | undefined;
}

export interface ImportReportView {
  created: number;
  updated: number;
  active: number;
  pending: number;
  unchanged: number;
  invalid: { line: number; reason: string }[];
}

export interface SubscribersView {
  t: Translator;
  csrfToken: string | undefined;
  filters: { q: string; state: string; locale: string; locales: { value: string; label: string }[] };
  counts: {
    byState: { state: SubscriberRowView['state']; count: number }[];
    byLocale: { label: string; active: number; total: number }[];
    byTopic: { label: string; count: number }[];
  };
  total: number;
  rows: SubscriberRowView[];
  pager: PagerView;
  exportHref: string;
  importError?: string | undefined;
  report?: ImportReportView | undefined;
  maxCsvKilobytes: string;
}

const STATE_BADGE = {
  active: 'badge badge-published',
  pending: 'badge badge-scheduled',
  unsubscribed: 'badge',
  suppressed: 'badge badge-unpublished',
};

function Counts({ view }: { view: SubscribersView }) {
  const { t, counts } = view;
  return (
    <section class="panel" aria-labelledby="subscriber_counts_heading">
      <h2 id="subscriber_counts_heading">{t('subscribers.counts.heading')}</h2>
      <dl class="subscriber-states stat-tiles">
        {counts.byState.map((entry) => (
          <div class="stat-tile">
            <dt>{t(`subscribers.state.${entry.state}`)}</dt>
            <dd>{entry.count}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('subscribers.counts.byLocale')}</h3>
      {counts.byLocale.length === 0 ? (
        <p class="muted">{t('subscribers.counts.none')}</p>
      ) : (
        <ul>
          {counts.byLocale.map((entry) => (
            <li>{t('subscribers.counts.locale', entry)}</li>
          ))}
        </ul>
      )}
      <h3>{t('subscribers.counts.byTopic')}</h3>
      {counts.byTopic.length === 0 ? (
        <p class="muted">{t('subscribers.counts.noTopics')}</p>
      ) : (
        <ul>
          {counts.byTopic.map((entry) => (
            <li>{t('subscribers.counts.topic', entry)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Report({ t, report }: { t: Translator; report: ImportReportView }) {
  return (
    <section class="panel" aria-labelledby="import_report_heading">
      <h2 id="import_report_heading">{t('subscribers.report.heading')}</h2>
      <p>{t('subscribers.report.summary', { ...report, invalid: report.invalid.length })}</p>
      {report.pending > 0 ? (
        <p>{t('subscribers.report.pendingNoMail', { pending: report.pending })}</p>
      ) : null}
      {report.invalid.length > 0 ? (
        <>
          <h3>{t('subscribers.report.invalidHeading')}</h3>
          <ul class="import-problems">
            {report.invalid.map((problem) => (
              <li>{t('subscribers.report.invalidRow', problem)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * Resend the confirmation while it is awaited (pending); unsubscribe while mail still goes out
 * (active or pending); delete always. The last two ask first.
 */
function RowActions({
  t,
  csrfToken,
  row,
}: {
  t: Translator;
  csrfToken: string | undefined;
  row: SubscriberRowView;
}) {
  const base = `/admin/subscribers/${row.id}`;
  const mailed = row.state === 'active' || row.state === 'pending';
  return (
    <div class="subscriber-actions">
      {row.state === 'pending' ? (
        <form method="post" action={`${base}/resend`}>
          <CsrfField token={csrfToken} />
          <button type="submit" aria-label={`${t('subscribers.action.resend')}: ${row.email}`}>
            {t('subscribers.action.resend')}
          </button>
        </form>
      ) : null}
      {mailed ? (
        <form
          method="post"
          action={`${base}/unsubscribe`}
          data-confirm={t('subscribers.unsubscribe.question', { email: row.email })}
        >
          <CsrfField token={csrfToken} />
          <input type="hidden" name="confirmed" value="" data-confirmed />
          <button type="submit" aria-label={`${t('subscribers.action.unsubscribe')}: ${row.email}`}>
            {t('subscribers.action.unsubscribe')}
          </button>
        </form>
      ) : null}
      <form
        method="post"
        action={`${base}/delete`}
        data-confirm={t('subscribers.delete.question', { email: row.email })}
      >
        <CsrfField token={csrfToken} />
        <input type="hidden" name="confirmed" value="" data-confirmed />
        <button
          type="submit"
          class="button-danger"
          aria-label={`${t('subscribers.action.delete')}: ${row.email}`}
        >
          {t('subscribers.action.delete')}
        </button>
      </form>
    </div>
  );
}

function Table({ view }: { view: SubscribersView }) {
  const { t } = view;
  return (
    <section class="table-scroll" aria-labelledby="subscribers_table_heading" tabindex={0}>
      <h2 id="subscribers_table_heading" class="visually-hidden">
        {t('subscribers.tableHeading')}
      </h2>
      <table class="data subscribers-table">
        <thead>
          <tr>
            <th scope="col">{t('subscribers.column.email')}</th>
            <th scope="col">{t('subscribers.column.locale')}</th>
            <th scope="col">{t('subscribers.column.frequency')}</th>
            <th scope="col">{t('subscribers.column.state')}</th>
            <th scope="col">{t('subscribers.column.topics')}</th>
            <th scope="col">{t('subscribers.column.confirmed')}</th>
            <th scope="col">{t('subscribers.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr>
              <th scope="row">{row.email}</th>
              <td>{row.locale}</td>
              <td>{t(`subscribers.frequency.${row.frequency}`)}</td>
              <td>
                <span class={STATE_BADGE[row.state]}>{t(`subscribers.state.${row.state}`)}</span>
              </td>
              <td>{row.topics.length === 0 ? t('subscribers.topics.all') : row.topics.join(', ')}</td>
              <td>{row.confirmed ? <time datetime={row.confirmed.iso}>{row.confirmed.label}</time> : '—'}</td>
              <td>
                <RowActions t={t} csrfToken={view.csrfToken} row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ImportForm({ view }: { view: SubscribersView }) {
  const { t } = view;
  return (
    <section class="panel" aria-labelledby="csv_heading">
      <h2 id="csv_heading">{t('subscribers.csv.heading')}</h2>
      <p>
        <a href={view.exportHref} download>
          {t('subscribers.csv.export')}
        </a>
      </p>
      <form method="post" action="/admin/subscribers/import" enctype="multipart/form-data">
        <CsrfField token={view.csrfToken} />
        <div class={view.importError ? 'field field-invalid' : 'field'}>
          <label for="field_csv">{t('subscribers.csv.file')}</label>
          <p class="field-hint" id="field_csv_hint">
            {t('subscribers.csv.fileHint', { kilobytes: view.maxCsvKilobytes })}
          </p>
          <input
            id="field_csv"
            type="file"
            name="csv"
            accept=".csv,text/csv"
            required
            aria-invalid={view.importError ? 'true' : undefined}
            aria-describedby={view.importError ? 'field_csv_hint field_csv_error' : 'field_csv_hint'}
          />
          {view.importError ? (
            <p class="field-error" id="field_csv_error">
              {view.importError}
            </p>
          ) : null}
        </div>
        <p>{t('subscribers.csv.consentNote')}</p>
        <button type="submit">{t('subscribers.csv.import')}</button>
      </form>
    </section>
  );
}

export function SubscribersPage({ view }: { view: SubscribersView }) {
  const { t, filters } = view;
  return (
    <>
      <h1>{t('subscribers.heading')}</h1>
      {view.report ? <Report t={t} report={view.report} /> : null}
      <Counts view={view} />
      <form method="get" action="/admin/subscribers" class="filters">
        <Field name="q" type="search" label={t('subscribers.filter.search')} value={filters.q} />
        <SelectField
          name="state"
          label={t('subscribers.filter.state')}
          value={filters.state}
          options={[
            { value: '', label: t('subscribers.filter.any') },
            ...(['active', 'pending', 'unsubscribed', 'suppressed'] as const).map((state) => ({
              value: state,
              label: t(`subscribers.state.${state}`),
            })),
          ]}
        />
        <SelectField
          name="locale"
          label={t('subscribers.filter.locale')}
          value={filters.locale}
          options={[{ value: '', label: t('subscribers.filter.any') }, ...filters.locales]}
        />
        <button type="submit" class="button">
          {t('subscribers.filter.submit')}
        </button>
      </form>
      <p class="muted">{t('subscribers.count', { count: view.total })}</p>
      {view.rows.length === 0 ? null : <Table view={view} />}
      <Pager pager={view.pager} t={t} />
      <ImportForm view={view} />
    </>
  );
}
