import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';

// The editors' "Needs review" queue and each person's notices: plain data in, escaped HTML out.

export interface ReviewQueueView {
  t: Translator;
  entries: {
    href: string;
    title: string;
    lang: string;
    localeLabel: string;
    requestedByName: string;
    atIso: string;
    atLabel: string;
  }[];
}

export function ReviewQueuePage({ view }: { view: ReviewQueueView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('review.queue.heading')}</h1>
      <p>{t('review.queue.intro')}</p>
      {view.entries.length === 0 ? (
        <p class="muted">{t('review.queue.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data review-queue">
            <caption class="visually-hidden">
              {t('review.queue.caption', { count: view.entries.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('review.queue.story')}</th>
                <th scope="col">{t('review.queue.language')}</th>
                <th scope="col">{t('review.queue.by')}</th>
                <th scope="col">{t('review.queue.when')}</th>
              </tr>
            </thead>
            <tbody>
              {view.entries.map((entry) => (
                <tr>
                  <td>
                    <a href={entry.href} lang={entry.lang}>
                      {entry.title}
                    </a>
                  </td>
                  <td data-label={t('review.queue.language')}>{entry.localeLabel}</td>
                  <td data-label={t('review.queue.by')}>{entry.requestedByName}</td>
                  <td data-label={t('review.queue.when')}>
                    <time datetime={entry.atIso}>{entry.atLabel}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export interface NoticesView {
  t: Translator;
  csrfToken: string | undefined;
  unread: number;
  notices: {
    id: number;
    text: string;
    note: string;
    href: string | null;
    atIso: string;
    atLabel: string;
    read: boolean;
  }[];
}

export function NoticesPage({ view }: { view: NoticesView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('notices.heading')}</h1>
      {view.unread > 0 ? (
        <form method="post" action="/admin/notices/read" class="actions">
          <CsrfField token={view.csrfToken} />
          <button type="submit">{t('notices.markAllRead')}</button>
        </form>
      ) : null}
      {view.notices.length === 0 ? (
        <p class="muted">{t('notices.empty')}</p>
      ) : (
        <ul class="notices-list panel">
          {view.notices.map((notice) => (
            <li class={notice.read ? 'notice-read' : 'notice-unread'}>
              <p>
                {notice.href ? <a href={notice.href}>{notice.text}</a> : notice.text}{' '}
                <span class="muted">
                  · <time datetime={notice.atIso}>{notice.atLabel}</time>
                </span>
                {notice.read ? null : <span class="visually-hidden"> ({t('notices.unread')})</span>}
              </p>
              {notice.note ? <blockquote class="review-note">{notice.note}</blockquote> : null}
              {notice.read ? null : (
                <form method="post" action="/admin/notices/read">
                  <CsrfField token={view.csrfToken} />
                  <input type="hidden" name="id" value={String(notice.id)} />
                  <button type="submit" class="link-button">
                    {t('notices.markRead')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
