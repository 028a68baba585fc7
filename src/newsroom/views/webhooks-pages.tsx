import type { Translator } from '../../platform/i18n.js';
import type { WebhookFormValues } from '../integrations-forms.js';
import { CsrfField, Field } from './admin-layout.js';
import { CheckboxGroup } from './form-controls.js';

export interface WebhookFormView {
  values: WebhookFormValues;
  errors: Record<string, string>;
  events: readonly string[];
}

export interface WebhookRowView {
  href: string;
  url: string;
  events: string[];
  active: boolean;
  counts: { pending: number; delivered: number; failed: number };
}

export interface DeliveryRowView {
  id: number;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  /** Why the last attempt failed (a DeliveryFailure); null when it did not. */
  failure: string | null;
  durationMs: number | null;
  createdAt: string;
  createdLabel: string;
  /** Delivered: when; pending: when it is tried next; failed: null. */
  timeAt: string | null;
  timeLabel: string | null;
  canRetry: boolean;
}

const STATUS_BADGE = {
  pending: 'badge badge-scheduled',
  delivered: 'badge badge-published',
  failed: 'badge badge-unpublished',
};

function WebhookFields({ t, form }: { t: Translator; form: WebhookFormView }) {
  return (
    <>
      <Field
        name="url"
        type="url"
        label={t('webhooks.field.url')}
        value={form.values.url}
        error={form.errors.url}
        required
        autocomplete="off"
      />
      <CheckboxGroup
        name="events"
        legend={t('webhooks.field.events')}
        options={form.events.map((event) => ({
          value: event,
          label: `${t(`webhooks.event.${event}`)} (${event})`,
          checked: form.values.events.includes(event),
        }))}
        error={form.errors.events}
      />
      <div class="field">
        <label>
          <input type="checkbox" name="active" checked={form.values.active} /> {t('webhooks.field.active')}
        </label>
      </div>
    </>
  );
}

export function WebhooksPage({
  view,
}: {
  view: { t: Translator; csrfToken: string | undefined; webhooks: WebhookRowView[]; form: WebhookFormView };
}) {
  const { t, form } = view;
  return (
    <>
      <h1>{t('webhooks.heading')}</h1>
      {view.webhooks.length === 0 ? (
        <p class="muted">{t('webhooks.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.column.url')}</th>
                <th scope="col">{t('webhooks.column.events')}</th>
                <th scope="col">{t('webhooks.column.status')}</th>
                <th scope="col">{t('webhooks.column.deliveries')}</th>
              </tr>
            </thead>
            <tbody>
              {view.webhooks.map((webhook) => (
                <tr>
                  <td class="webhook-url">
                    <a href={webhook.href}>{webhook.url}</a>
                  </td>
                  <td>{webhook.events.join(', ')}</td>
                  <td>
                    <span class={webhook.active ? 'badge badge-published' : 'badge'}>
                      {t(webhook.active ? 'webhooks.active' : 'webhooks.inactive')}
                    </span>
                  </td>
                  <td>{t('webhooks.counts', webhook.counts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action="/admin/webhooks" class="panel" aria-labelledby="new_webhook_heading">
        <h2 id="new_webhook_heading">{t('webhooks.create.heading')}</h2>
        <p class="field-hint">{t('webhooks.create.intro')}</p>
        <CsrfField token={view.csrfToken} />
        <WebhookFields t={t} form={form} />
        <button type="submit" class="button button-primary">
          {t('webhooks.create.submit')}
        </button>
      </form>
    </>
  );
}

/** The one time a signing secret is shown: after adding a webhook, or replacing its secret. */
export function WebhookSecretPage({
  view,
}: {
  view: { t: Translator; url: string; secret: string; href: string };
}) {
  const { t } = view;
  return (
    <section class="panel">
      <h1>{t('webhooks.secret.heading')}</h1>
      <p class="webhook-url">{view.url}</p>
      <code class="secret">{view.secret}</code>
      <p>{t('webhooks.secret.intro')}</p>
      <p>
        <a href={view.href}>{t('webhooks.back')}</a>
      </p>
    </section>
  );
}

export interface WebhookPageView {
  t: Translator;
  csrfToken: string | undefined;
  id: number;
  url: string;
  /** The secret predates Standard Webhooks signing: suggest replacing it. */
  legacySecret: boolean;
  form: WebhookFormView;
  deliveries: DeliveryRowView[];
}

export function WebhookPage({ view }: { view: WebhookPageView }) {
  const { t } = view;
  const base = `/admin/webhooks/${view.id}`;
  return (
    <>
      <p>
        <a href="/admin/webhooks">{t('webhooks.back')}</a>
      </p>
      <h1 class="webhook-url">{view.url}</h1>
      <form method="post" action={base} class="panel">
        <CsrfField token={view.csrfToken} />
        <WebhookFields t={t} form={view.form} />
        <button type="submit" class="button button-primary">
          {t('webhooks.save')}
        </button>
      </form>
      {view.legacySecret ? <p class="field-hint">{t('webhooks.secret.legacy')}</p> : null}
      <div class="actions">
        <form method="post" action={`${base}/secret`}>
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button">
            {t('webhooks.action.rotate')}
          </button>
        </form>
        <form method="post" action={`${base}/delete`}>
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button button-danger">
            {t('webhooks.action.delete')}
          </button>
        </form>
      </div>
      <h2>{t('webhooks.deliveries.heading')}</h2>
      {view.deliveries.length === 0 ? (
        <p class="muted">{t('webhooks.deliveries.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.column.event')}</th>
                <th scope="col">{t('webhooks.column.status')}</th>
                <th scope="col">{t('webhooks.column.attempts')}</th>
                <th scope="col">{t('webhooks.column.last')}</th>
                <th scope="col">{t('webhooks.column.duration')}</th>
                <th scope="col">{t('webhooks.column.created')}</th>
                <th scope="col">{t('webhooks.column.next')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('webhooks.action.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.deliveries.map((d) => (
                <tr>
                  <td>
                    {d.event} <span class="muted">#{d.id}</span>
                  </td>
                  <td>
                    <span class={STATUS_BADGE[d.status]}>{t(`webhooks.status.${d.status}`)}</span>
                  </td>
                  <td>{d.attempts}</td>
                  <td class="delivery-error">
                    {d.failure ? (
                      t(`webhooks.failure.${d.failure}`, { status: d.lastStatus ?? '' })
                    ) : d.lastStatus === null ? (
                      ''
                    ) : (
                      <code>{d.lastStatus}</code>
                    )}
                  </td>
                  <td>{d.durationMs === null ? '—' : t('webhooks.duration', { ms: d.durationMs })}</td>
                  <td>
                    <time datetime={d.createdAt}>{d.createdLabel}</time>
                  </td>
                  <td>{d.timeAt ? <time datetime={d.timeAt}>{d.timeLabel}</time> : '—'}</td>
                  <td>
                    {d.canRetry ? (
                      <form method="post" action={`${base}/deliveries/${d.id}/retry`}>
                        <CsrfField token={view.csrfToken} />
                        <button type="submit" class="button">
                          {t('webhooks.action.retry')}
                        </button>
                      </form>
                    ) : null}
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
