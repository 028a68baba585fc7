import type { Translator } from '../../platform/i18n.js';
import { Field } from './admin-layout.js';
import { SelectField } from './form-controls.js';
import { NewsletterTabs, Time, type TimeView } from './newsletter-common.js';
import { Pager, type PagerView } from './pager.js';

export interface EventRowView {
  id: number;
  received: TimeView | undefined;
  occurred: TimeView | undefined;
  provider: string;
  kind: string;
  email: string;
  action: string;
  detail: string;
  delivery?: { label: string; href?: string };
}

export interface EventsView {
  t: Translator;
  filters: {
    kind: string;
    provider: string;
    q: string;
    kinds: { value: string; label: string }[];
    providers: { value: string; label: string }[];
  };
  total: number;
  events: EventRowView[];
  pager: PagerView;
}

const KIND_BADGE: Record<string, string> = {
  hard_bounce: 'badge badge-unpublished',
  complaint: 'badge badge-unpublished',
  smtp_permanent: 'badge badge-unpublished',
  soft_bounce: 'badge badge-scheduled',
  smtp_temporary: 'badge badge-scheduled',
};

function EventsTable({ view }: { view: EventsView }) {
  const { t } = view;
  return (
    <section class="table-scroll newsletter-table" aria-labelledby="events_table_heading" tabindex={0}>
      <h2 id="events_table_heading" class="visually-hidden">
        {t('newsletterAdmin.events.tableHeading')}
      </h2>
      <table class="data nowrap">
        <thead>
          <tr>
            <th scope="col">{t('newsletterAdmin.column.received')}</th>
            <th scope="col">{t('newsletterAdmin.column.provider')}</th>
            <th scope="col">{t('newsletterAdmin.column.kind')}</th>
            <th scope="col">{t('newsletterAdmin.column.address')}</th>
            <th scope="col">{t('newsletterAdmin.column.action')}</th>
            <th scope="col">{t('newsletterAdmin.column.detail')}</th>
            <th scope="col">{t('newsletterAdmin.column.delivery')}</th>
          </tr>
        </thead>
        <tbody>
          {view.events.map((event) => (
            <tr>
              <td class="wrap">
                <Time time={event.received} />
                {event.occurred && event.occurred.iso !== event.received?.iso ? (
                  <>
                    <br />
                    <span class="muted">
                      {t('newsletterAdmin.events.occurred')} <Time time={event.occurred} />
                    </span>
                  </>
                ) : null}
              </td>
              <td>{event.provider}</td>
              <td>
                <span class={KIND_BADGE[event.kind] ?? 'badge'}>
                  {t(`newsletterAdmin.kind.${event.kind}`)}
                </span>
              </td>
              <th scope="row" class="address-cell">
                {event.email}
              </th>
              <td>{t(`newsletterAdmin.action.${event.action}`)}</td>
              <td class="break-anywhere">{event.detail || '—'}</td>
              <td class="wrap">
                {event.delivery ? (
                  event.delivery.href ? (
                    <a href={event.delivery.href}>{event.delivery.label}</a>
                  ) : (
                    event.delivery.label
                  )
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function NewsletterEventsPage({ view }: { view: EventsView }) {
  const { t, filters } = view;
  return (
    <>
      <h1>{t('newsletterAdmin.events.heading')}</h1>
      <NewsletterTabs t={t} current="events" />
      <p>{t('newsletterAdmin.events.text')}</p>
      <form method="get" action="/admin/newsletter/events" class="filters">
        <SelectField
          name="kind"
          label={t('newsletterAdmin.column.kind')}
          value={filters.kind}
          options={[{ value: '', label: t('subscribers.filter.any') }, ...filters.kinds]}
        />
        <SelectField
          name="provider"
          label={t('newsletterAdmin.column.provider')}
          value={filters.provider}
          options={[{ value: '', label: t('subscribers.filter.any') }, ...filters.providers]}
        />
        <Field name="q" type="search" label={t('subscribers.filter.search')} value={filters.q} />
        <button type="submit" class="button">
          {t('subscribers.filter.submit')}
        </button>
      </form>
      <p class="muted">{t('newsletterAdmin.events.count', { count: view.total })}</p>
      {view.events.length === 0 ? null : <EventsTable view={view} />}
      <Pager pager={view.pager} t={t} />
    </>
  );
}
