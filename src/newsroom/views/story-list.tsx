import type { Translator } from '../../platform/i18n.js';

export interface Option {
  value: string;
  label: string;
}

export interface StoryListRow {
  id: number;
  title: string;
  /** The title's language, when it is not the page's. */
  titleLang?: string;
  href: string;
  section: string;
  /** One per enabled locale, in the site's order. */
  locales: {
    locale: string;
    label: string;
    status: string;
    stale: boolean;
    href: string;
    /** A scheduled variant's publish time, on the newsroom's clocks. */
    scheduled?: { iso: string; label: string };
  }[];
  updatedLabel: string;
  updatedAt: string;
  author: string;
}

export interface StoryListView {
  t: Translator;
  filters: { section: string; status: string; locale: string; translation: string; q: string };
  options: { sections: Option[]; locales: Option[] };
  rows: StoryListRow[];
  total: number;
  page: number;
  pages: number;
  /** Query strings of the previous and next pages, when there are any. */
  previousHref?: string;
  nextHref?: string;
  canCreate: boolean;
}

const STATUSES = ['draft', 'scheduled', 'published', 'unpublished'];
const TRANSLATION = ['missing', 'stale', 'current'];

function Select(props: { name: string; label: string; value: string; options: Option[]; any: string }) {
  const id = `filter_${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StatusBadge({ t, status, label }: { t: Translator; status: string; label?: string }) {
  return (
    <span class={`badge badge-${status}`}>
      {label ? `${label} · ` : ''}
      {t(`stories.status.${status}`)}
    </span>
  );
}

export function StoryList({ view }: { view: StoryListView }) {
  const { t, filters } = view;
  return (
    <>
      <div class="actions">
        <h1>{t('stories.list.heading')}</h1>
        {view.canCreate ? (
          <a class="button button-primary" href="/admin/stories/new">
            {t('stories.list.new')}
          </a>
        ) : null}
      </div>
      <form method="get" action="/admin/stories" class="filters">
        <div class="field">
          <label for="filter_q">{t('stories.list.search')}</label>
          <input id="filter_q" type="search" name="q" value={filters.q} />
        </div>
        <Select
          name="section"
          label={t('stories.field.section')}
          value={filters.section}
          options={view.options.sections}
          any={t('stories.list.any')}
        />
        <Select
          name="status"
          label={t('stories.list.status')}
          value={filters.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`stories.status.${s}`) }))}
          any={t('stories.list.any')}
        />
        <Select
          name="locale"
          label={t('stories.list.locale')}
          value={filters.locale}
          options={view.options.locales}
          any={t('stories.list.any')}
        />
        <Select
          name="translation"
          label={t('stories.list.translation')}
          value={filters.translation}
          options={TRANSLATION.map((s) => ({ value: s, label: t(`stories.translation.${s}`) }))}
          any={t('stories.list.any')}
        />
        <button type="submit">{t('stories.list.filter')}</button>
      </form>
      <p class="muted" role="status">
        {t('stories.list.count', { count: view.total })}
      </p>
      {view.rows.length === 0 ? (
        <p>{t('stories.list.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('stories.field.title')}</th>
                <th scope="col">{t('stories.field.section')}</th>
                <th scope="col">{t('stories.list.locales')}</th>
                <th scope="col">{t('stories.list.updated')}</th>
                <th scope="col">{t('stories.list.author')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr>
                  <td>
                    <a href={row.href} lang={row.titleLang}>
                      {row.title}
                    </a>
                  </td>
                  <td>{row.section}</td>
                  <td>
                    <ul class="checkbox-list">
                      {row.locales.map((l) => (
                        <li>
                          <a href={l.href} class="badge-link">
                            <StatusBadge t={t} status={l.status} label={l.label} />
                          </a>
                          {l.stale ? (
                            <span class="badge badge-stale">{t('stories.translation.stale')}</span>
                          ) : null}
                          {l.scheduled ? (
                            <>
                              {' '}
                              <time class="muted" datetime={l.scheduled.iso}>
                                {l.scheduled.label}
                              </time>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <time datetime={row.updatedAt}>{row.updatedLabel}</time>
                  </td>
                  <td>{row.author}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.pages > 1 ? (
        <nav class="pager" aria-label={t('stories.list.pages')}>
          {view.previousHref ? (
            <a href={view.previousHref} rel="prev">
              {t('stories.list.previous')}
            </a>
          ) : null}
          <span>{t('stories.list.page', { page: view.page, pages: view.pages })}</span>
          {view.nextHref ? (
            <a href={view.nextHref} rel="next">
              {t('stories.list.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
