import type { Translator } from '../../platform/i18n.js';
import {
  CountsList,
  type CountsView,
  DigestPreview,
  type DigestPreviewView,
  NewsletterTabs,
  Time,
  type TimeView,
} from './newsletter-common.js';
import { ISSUE_STATE_BADGE } from './newsletter-issues-page.js';
import { Pager, type PagerView } from './pager.js';

export interface TroubledDeliveryView {
  id: number;
  email: string;
  state: 'failed' | 'pending';
  attempts: number;
  nextAttempt: TimeView | undefined;
  lastError: string;
}

export interface IssueView {
  t: Translator;
  id: number;
  slot: string;
  locale: string;
  frequency: 'daily' | 'weekly';
  topics: string;
  state: 'sending' | 'sent' | 'empty';
  storyCount: number;
  periodStart: TimeView | undefined;
  periodEnd: TimeView | undefined;
  created: TimeView | undefined;
  completed: TimeView | undefined;
  subject: string;
  counts: CountsView;
  troubled: TroubledDeliveryView[];
  troubledTotal: number;
  pager: PagerView;
  /** Absent for an empty issue: nothing was published in its period, so nothing was sent. */
  preview?: DigestPreviewView;
}

function Troubled({ view }: { view: IssueView }) {
  const { t } = view;
  return (
    <section aria-labelledby="troubled_heading">
      <h2 id="troubled_heading">{t('newsletterAdmin.issue.troubledHeading')}</h2>
      {view.troubled.length === 0 ? (
        <p class="muted">{t('newsletterAdmin.issue.noTroubled')}</p>
      ) : (
        <div class="table-scroll newsletter-table">
          <table class="data nowrap">
            <thead>
              <tr>
                <th scope="col">{t('newsletterAdmin.column.address')}</th>
                <th scope="col">{t('newsletterAdmin.column.state')}</th>
                <th scope="col" class="numeric">
                  {t('newsletterAdmin.column.attempts')}
                </th>
                <th scope="col">{t('newsletterAdmin.column.nextAttempt')}</th>
                <th scope="col">{t('newsletterAdmin.column.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {view.troubled.map((delivery) => (
                <tr id={`delivery-${delivery.id}`}>
                  <th scope="row" class="address-cell">
                    {delivery.email}
                  </th>
                  <td>
                    <span
                      class={
                        delivery.state === 'failed' ? 'badge badge-unpublished' : 'badge badge-scheduled'
                      }
                    >
                      {t(
                        delivery.state === 'failed'
                          ? 'newsletterAdmin.count.failed'
                          : 'newsletterAdmin.count.retrying',
                      )}
                    </span>
                  </td>
                  <td class="numeric">{delivery.attempts}</td>
                  <td>
                    <Time time={delivery.nextAttempt} />
                  </td>
                  <td class="break-anywhere">
                    <code>{delivery.lastError || '—'}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={view.pager} t={t} />
    </section>
  );
}

export function NewsletterIssuePage({ view }: { view: IssueView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('newsletterAdmin.issue.heading', { slot: view.slot })}</h1>
      <NewsletterTabs t={t} current={undefined} />
      <p>
        <a href="/admin/newsletter">{t('newsletterAdmin.issue.back')}</a>
      </p>
      <section class="panel newsletter-panel" aria-labelledby="issue_facts_heading">
        <h2 id="issue_facts_heading">{t('newsletterAdmin.issue.facts')}</h2>
        <dl class="facts">
          <dt>{t('newsletterAdmin.column.state')}</dt>
          <dd>
            <span class={ISSUE_STATE_BADGE[view.state]}>{t(`newsletterAdmin.state.${view.state}`)}</span>
          </dd>
          <dt>{t('newsletterAdmin.issue.list')}</dt>
          <dd>
            {view.locale} · {t(`subscribers.frequency.${view.frequency}`)} · {view.topics}
          </dd>
          <dt>{t('newsletterAdmin.issue.period')}</dt>
          <dd>
            <Time time={view.periodStart} /> – <Time time={view.periodEnd} />
          </dd>
          <dt>{t('newsletterAdmin.column.stories')}</dt>
          <dd>{view.storyCount}</dd>
          <dt>{t('newsletterAdmin.issue.created')}</dt>
          <dd>
            <Time time={view.created} />
          </dd>
          <dt>{t('newsletterAdmin.issue.completed')}</dt>
          <dd>
            <Time time={view.completed} />
          </dd>
        </dl>
        <CountsList t={t} counts={view.counts} />
      </section>
      <Troubled view={view} />
      {view.preview ? (
        <DigestPreview t={t} preview={view.preview} id="issue_preview" />
      ) : (
        <p class="muted">{t('newsletterAdmin.issue.empty')}</p>
      )}
    </>
  );
}
