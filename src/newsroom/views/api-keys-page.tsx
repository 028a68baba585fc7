import type { Translator } from '../../platform/i18n.js';
import type { ApiKeyFormValues } from '../integrations-forms.js';
import { CsrfField, Field } from './admin-layout.js';
import { SelectField } from './form-controls.js';

export interface ApiKeyRowView {
  id: number;
  name: string;
  kind: 'content' | 'staff';
  tokenPrefix: string;
  actsAs: string | null;
  createdLabel: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedLabel: string | null;
  lastUsedAt: string | null;
  revokedLabel: string | null;
}

export interface ApiKeysPageView {
  t: Translator;
  csrfToken: string | undefined;
  openApiUrl: string;
  keys: ApiKeyRowView[];
  form: {
    values: ApiKeyFormValues;
    errors: Record<string, string>;
    people: { value: string; label: string }[];
  };
}

export function ApiKeysPage({ view }: { view: ApiKeysPageView }) {
  const { t, form } = view;
  const errorCount = Object.keys(form.errors).length;
  return (
    <>
      <h1>{t('apiKeys.heading')}</h1>
      <p class="muted">
        {t('apiKeys.intro')} <a href={view.openApiUrl}>{view.openApiUrl}</a>
      </p>
      {view.keys.length === 0 ? (
        <p class="muted">{t('apiKeys.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.column.name')}</th>
                <th scope="col">{t('apiKeys.column.prefix')}</th>
                <th scope="col">{t('apiKeys.column.kind')}</th>
                <th scope="col">{t('apiKeys.column.actsAs')}</th>
                <th scope="col">{t('apiKeys.column.created')}</th>
                <th scope="col">{t('apiKeys.column.lastUsed')}</th>
                <th scope="col">{t('apiKeys.column.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.keys.map((key) => (
                <tr>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.tokenPrefix}…</code>
                  </td>
                  <td>{t(`apiKeys.kind.${key.kind}`)}</td>
                  <td>{key.actsAs ?? '—'}</td>
                  <td>
                    <time datetime={key.createdAt}>{key.createdLabel}</time>
                    {key.createdBy ? (
                      <span class="muted"> {t('apiKeys.createdBy', { email: key.createdBy })}</span>
                    ) : null}
                  </td>
                  <td>
                    {key.lastUsedAt ? (
                      <time datetime={key.lastUsedAt}>{key.lastUsedLabel}</time>
                    ) : (
                      t('apiKeys.never')
                    )}
                  </td>
                  <td>
                    {key.revokedLabel ? (
                      <span class="badge badge-unpublished">
                        {t('apiKeys.status.revoked', { date: key.revokedLabel })}
                      </span>
                    ) : (
                      <form method="post" action={`/admin/api-keys/${key.id}/revoke`} class="inline-form">
                        <span class="badge badge-published">{t('apiKeys.status.active')}</span>{' '}
                        <CsrfField token={view.csrfToken} />
                        <button type="submit" class="button button-danger">
                          {t('apiKeys.action.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action="/admin/api-keys" class="panel" aria-labelledby="new_key_heading">
        <h2 id="new_key_heading">{t('apiKeys.create.heading')}</h2>
        <p class="field-hint">{t('apiKeys.create.intro')}</p>
        {errorCount > 0 ? (
          <p class="notice notice-error" role="alert">
            {Object.values(form.errors)[0]}
          </p>
        ) : null}
        <CsrfField token={view.csrfToken} />
        <Field
          name="name"
          label={t('apiKeys.field.name')}
          hint={t('apiKeys.field.nameHint')}
          value={form.values.name}
          error={form.errors.name}
          required
          autocomplete="off"
        />
        <SelectField
          name="kind"
          label={t('apiKeys.field.kind')}
          value={form.values.kind}
          options={[
            { value: 'content', label: t('apiKeys.kind.content') },
            { value: 'staff', label: t('apiKeys.kind.staff') },
          ]}
          error={form.errors.kind}
        />
        <SelectField
          name="userId"
          label={t('apiKeys.field.user')}
          hint={t('apiKeys.field.userHint')}
          value={form.values.userId}
          options={[{ value: '', label: t('apiKeys.field.userNone') }, ...form.people]}
          error={form.errors.userId}
        />
        <button type="submit" class="button button-primary">
          {t('apiKeys.create.submit')}
        </button>
      </form>
    </>
  );
}

/** The one time a new key is shown. */
export function ApiKeyCreatedPage({ view }: { view: { t: Translator; name: string; token: string } }) {
  const { t } = view;
  return (
    <section class="panel">
      <h1>{t('apiKeys.created.heading')}</h1>
      <p>{t('apiKeys.created.intro', { name: view.name })}</p>
      <code class="secret">{view.token}</code>
      <p>{t('apiKeys.created.usage')}</p>
      <code class="secret">{`Authorization: Bearer ${view.token}`}</code>
      <p>
        <a href="/admin/api-keys">{t('apiKeys.back')}</a>
      </p>
    </section>
  );
}
