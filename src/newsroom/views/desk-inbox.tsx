import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';
import { type ClusterCardView, ClusterOverview, SourceList } from './desk-cluster-card.js';
import { Pager, type PagerView } from './pager.js';
import type { Option } from './story-list.js';

export interface InboxFilters {
  source: string;
  language: string;
  entity: string;
  from: string;
  to: string;
  state: string;
}

export interface InboxView {
  t: Translator;
  csrfToken: string | undefined;
  filters: InboxFilters;
  options: { sources: Option[]; languages: Option[]; entities: Option[]; states: Option[] };
  clusters: ClusterCardView[];
  total: number;
  pager: PagerView;
  /** Where triage buttons come back to: this page with its filters. */
  returnTo: string;
  canTriage: boolean;
  canStart: boolean;
  canManageSources: boolean;
}

function FilterSelect(props: {
  name: string;
  label: string;
  value: string;
  options: Option[];
  any?: string;
}) {
  const id = `filter_${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The small forms under a cluster: each posts, and the server sends the person back here. */
function TriageButtons(props: {
  t: Translator;
  csrfToken: string | undefined;
  cluster: Pick<ClusterCardView, 'id' | 'state' | 'title'>;
  returnTo: string;
}) {
  const { t, cluster } = props;
  const base = `/admin/desk/${cluster.id}`;
  const hidden = (
    <>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="return" value={props.returnTo} />
    </>
  );
  return (
    <>
      {cluster.state === 'open' ? (
        <>
          <form method="post" action={`${base}/ignore`}>
            {hidden}
            <button type="submit">{t('desk.action.ignore')}</button>
          </form>
          <form method="post" action={`${base}/snooze`}>
            {hidden}
            <input type="hidden" name="preset" value="1d" />
            <button type="submit">{t('desk.action.snoozeDay')}</button>
          </form>
        </>
      ) : cluster.state !== 'started' ? (
        <form method="post" action={`${base}/reopen`}>
          {hidden}
          <button type="submit">{t('desk.action.reopen')}</button>
        </form>
      ) : null}
    </>
  );
}

/** Open the story started from a cluster, or start one; then the triage buttons the person may use. */
export function ClusterActions(props: {
  t: Translator;
  view: { csrfToken: string | undefined; canStart: boolean; canTriage: boolean };
  cluster: ClusterCardView;
  returnTo: string;
  /** The cluster page makes "open the story" its main button; the inbox keeps "start" the only one. */
  openStoryClass: string;
}) {
  const { t, view, cluster } = props;
  return (
    <div class="actions">
      {cluster.storyHref ? (
        <a class={props.openStoryClass} href={cluster.storyHref}>
          {t('desk.action.openStory')}
        </a>
      ) : view.canStart ? (
        <a class="button button-primary" href={`${cluster.href}/start`}>
          {t('desk.action.start')}
        </a>
      ) : null}
      {view.canTriage ? (
        <TriageButtons t={t} csrfToken={view.csrfToken} cluster={cluster} returnTo={props.returnTo} />
      ) : null}
    </div>
  );
}

function ClusterCard({ view, cluster }: { view: InboxView; cluster: ClusterCardView }) {
  const { t } = view;
  const headingId = `cluster_${cluster.id}_title`;
  return (
    <li>
      <article class="panel desk-cluster" aria-labelledby={headingId}>
        <h2 id={headingId} class="desk-cluster-title">
          <a href={cluster.href} lang={cluster.lang}>
            {cluster.title}
          </a>
        </h2>
        <ClusterOverview t={t} cluster={cluster} />
        <SourceList t={t} sources={cluster.sources} />
        <ClusterActions
          t={t}
          view={view}
          cluster={cluster}
          returnTo={view.returnTo}
          openStoryClass="button"
        />
      </article>
    </li>
  );
}

export function InboxPage({ view }: { view: InboxView }) {
  const { t, filters, options } = view;
  return (
    <>
      <div class="actions">
        <h1>{t('desk.inbox.heading')}</h1>
        {view.canManageSources ? <a href="/admin/sources">{t('desk.inbox.sourcesLink')}</a> : null}
      </div>
      <form
        method="get"
        action="/admin/desk"
        class="filters desk-filters"
        aria-label={t('desk.filter.label')}
      >
        <FilterSelect
          name="state"
          label={t('desk.filter.state')}
          value={filters.state}
          options={options.states}
        />
        <FilterSelect
          name="source"
          label={t('desk.filter.source')}
          value={filters.source}
          options={options.sources}
          any={t('desk.filter.any')}
        />
        <FilterSelect
          name="language"
          label={t('desk.filter.language')}
          value={filters.language}
          options={options.languages}
          any={t('desk.filter.any')}
        />
        <FilterSelect
          name="entity"
          label={t('desk.filter.entity')}
          value={filters.entity}
          options={options.entities}
          any={t('desk.filter.any')}
        />
        <div class="field">
          <label for="filter_from">{t('desk.filter.from')}</label>
          <input id="filter_from" type="date" name="from" value={filters.from} />
        </div>
        <div class="field">
          <label for="filter_to">{t('desk.filter.to')}</label>
          <input id="filter_to" type="date" name="to" value={filters.to} />
        </div>
        <button type="submit">{t('desk.filter.submit')}</button>
      </form>
      <p class="muted" role="status">
        {t('desk.inbox.count', { count: view.total })}
      </p>
      {view.clusters.length === 0 ? (
        <p>{t('desk.inbox.empty')}</p>
      ) : (
        <ol class="desk-clusters">
          {view.clusters.map((cluster) => (
            <ClusterCard view={view} cluster={cluster} />
          ))}
        </ol>
      )}
      <Pager pager={view.pager} t={t} />
    </>
  );
}
