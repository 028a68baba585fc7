import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';
import { SelectField } from './form-controls.js';
import {
  COUNT_NAMES,
  CountsList,
  type CountsView,
  NewsletterTabs,
  Time,
  type TimeView,
} from './newsletter-common.js';
import { Pager, type PagerView } from './pager.js';

export interface IssueRowView {
  id: number;
  href: string;
  slot: string;
  kind: 'scheduled' | 'manual';
  locale: string;
  frequency: 'daily' | 'weekly';
  topics: string;
  storyCount: number;
  state: 'sending' | 'sent' | 'empty';
  created: TimeView | undefined;
  counts: CountsView;
}

export interface IssuesView {
  t: Translator;
  totals: CountsView;
  /** Some issue is still sending: the script keeps the numbers fresh. */
  active: boolean;
  countsUrl: string;
  refreshHref: string;
  issues: IssueRowView[];
  total: number;
  pager: PagerView;
  /** Shown to those who may start a send outside the schedule. */
  sendNow?: {
    csrfToken: string | undefined;
    locales: { value: string; label: string }[];
  };
}

export const ISSUE_STATE_BADGE = {
  sending: 'badge badge-scheduled',
  sent: 'badge badge-published',
  empty: 'badge',
};

function IssuesTable({ view }: { view: IssuesView }) {
  const { t } = view;
  return (
    <section class="table-scroll newsletter-table" aria-labelledby="issues_table_heading" tabindex={0}>
      <h2 id="issues_table_heading" class="visually-hidden">
        {t('newsletterAdmin.issues.tableHeading')}
      </h2>
      <table class="data nowrap">
        <thead>
          <tr>
            <th scope="col">{t('newsletterAdmin.column.slot')}</th>
            <th scope="col">{t('newsletterAdmin.column.locale')}</th>
            <th scope="col">{t('newsletterAdmin.column.frequency')}</th>
            <th scope="col">{t('newsletterAdmin.column.topics')}</th>
            <th scope="col">{t('newsletterAdmin.column.stories')}</th>
            <th scope="col">{t('newsletterAdmin.column.state')}</th>
            {COUNT_NAMES.map((name) => (
              <th scope="col" class="numeric">
                {t(`newsletterAdmin.count.${name}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.issues.map((issue) => (
            <tr data-issue={String(issue.id)}>
              <th scope="row">
                <a href={issue.href}>{issue.slot}</a>
                {issue.kind === 'manual' ? (
                  <span class="badge">{t('newsletterAdmin.kind.manual')}</span>
                ) : null}
                <br />
                <span class="muted issue-created">
                  <Time time={issue.created} />
                </span>
              </th>
              <td>{issue.locale}</td>
              <td>{t(`subscribers.frequency.${issue.frequency}`)}</td>
              <td class="wrap">{issue.topics}</td>
              <td class="numeric">{issue.storyCount}</td>
              <td>
                <span class={ISSUE_STATE_BADGE[issue.state]} data-issue-state="">
                  {t(`newsletterAdmin.state.${issue.state}`)}
                </span>
              </td>
              {COUNT_NAMES.map((name) => (
                <td class="numeric" data-count={name}>
                  {issue.counts[name]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SendNow({ t, sendNow }: { t: Translator; sendNow: NonNullable<IssuesView['sendNow']> }) {
  return (
    <section class="panel newsletter-panel" aria-labelledby="send_now_heading">
      <h2 id="send_now_heading">{t('newsletterAdmin.sendNow.heading')}</h2>
      <p>{t('newsletterAdmin.sendNow.text')}</p>
      <form
        method="post"
        action="/admin/newsletter/send-now"
        class="filters"
        data-confirm={t('newsletterAdmin.sendNow.confirm')}
      >
        <CsrfField token={sendNow.csrfToken} />
        <SelectField
          name="locale"
          label={t('newsletterAdmin.field.locale')}
          value=""
          options={sendNow.locales}
        />
        <SelectField
          name="frequency"
          label={t('newsletterAdmin.field.frequency')}
          value="daily"
          options={(['daily', 'weekly'] as const).map((f) => ({
            value: f,
            label: t(`subscribers.frequency.${f}`),
          }))}
        />
        <button type="submit" class="button button-danger">
          {t('newsletterAdmin.sendNow.submit')}
        </button>
      </form>
    </section>
  );
}

export function NewsletterIssuesPage({ view }: { view: IssuesView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('newsletterAdmin.heading')}</h1>
      <NewsletterTabs t={t} current="issues" />
      <section
        class="panel newsletter-panel"
        aria-labelledby="totals_heading"
        data-newsletter-live={view.countsUrl}
        data-active={view.active ? 'true' : 'false'}
      >
        <h2 id="totals_heading">{t('newsletterAdmin.totals.heading')}</h2>
        <CountsList t={t} counts={view.totals} live />
        <p class="muted">
          <span data-live-status="" data-idle={t('newsletterAdmin.totals.idle')}>
            {view.active ? t('newsletterAdmin.totals.sending') : t('newsletterAdmin.totals.idle')}
          </span>{' '}
          <a href={view.refreshHref} data-refresh-link="">
            {t('newsletterAdmin.totals.refresh')}
          </a>
        </p>
      </section>
      <p class="muted">{t('newsletterAdmin.issues.count', { count: view.total })}</p>
      {view.issues.length === 0 ? <p>{t('newsletterAdmin.issues.none')}</p> : <IssuesTable view={view} />}
      <Pager pager={view.pager} t={t} />
      {view.sendNow ? <SendNow t={t} sendNow={view.sendNow} /> : null}
    </>
  );
}
