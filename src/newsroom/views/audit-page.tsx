import type { Translator } from '../../platform/i18n.js';
import { SelectField } from './form-controls.js';
import { Pager, type PagerView } from './pager.js';

export interface AuditRowView {
  at: string;
  atLabel: string;
  actor: string;
  action: string;
  /** The subject as a label, linked where the admin has a page for it. */
  subject: { label: string; href?: string };
  locale: string | null;
  summary: string;
  /** Each detail as one line: `reason: the FAQ quotes English on purpose`. */
  details: { name: string; value: string }[];
}

export interface AuditView {
  t: Translator;
  filters: {
    action: string;
    user: string;
    actions: { value: string; label: string }[];
    users: { value: string; label: string }[];
  };
  total: number;
  entries: AuditRowView[];
  pager: PagerView;
}

export function AuditPage({ view }: { view: AuditView }) {
  const { t, filters } = view;
  return (
    <>
      <h1>{t('audit.heading')}</h1>
      <form method="get" action="/admin/audit" class="filters">
        <SelectField
          name="action"
          label={t('audit.field.action')}
          value={filters.action}
          options={[{ value: '', label: t('audit.any') }, ...filters.actions]}
        />
        <SelectField
          name="user"
          label={t('audit.field.user')}
          value={filters.user}
          options={[{ value: '', label: t('audit.any') }, ...filters.users]}
        />
        <button type="submit" class="button">
          {t('audit.filter')}
        </button>
      </form>
      <p class="muted">{t('audit.count', { count: view.total })}</p>
      {view.entries.length === 0 ? null : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('audit.column.when')}</th>
                <th scope="col">{t('audit.column.who')}</th>
                <th scope="col">{t('audit.column.what')}</th>
                <th scope="col">{t('audit.column.subject')}</th>
                <th scope="col">{t('audit.column.details')}</th>
              </tr>
            </thead>
            <tbody>
              {view.entries.map((entry) => (
                <tr>
                  <td>
                    <time datetime={entry.at}>{entry.atLabel}</time>
                  </td>
                  <td>{entry.actor}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.subject.href ? (
                      <a href={entry.subject.href}>{entry.subject.label}</a>
                    ) : (
                      entry.subject.label
                    )}
                    {entry.locale ? (
                      <>
                        {' · '}
                        <code>{entry.locale}</code>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {entry.summary ? <p class="audit-summary">{entry.summary}</p> : null}
                    {entry.details.length > 0 ? (
                      <dl class="audit-details">
                        {entry.details.map((d) => (
                          <>
                            <dt>{d.name}</dt>
                            <dd>{d.value}</dd>
                          </>
                        ))}
                      </dl>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={view.pager} t={t} />
    </>
  );
}
