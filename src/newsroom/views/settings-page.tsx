import type { Translator } from '../../platform/i18n.js';
import type { SettingsFormValues } from '../settings-form.js';
import { CsrfField, Field } from './admin-layout.js';
import { SelectField } from './form-controls.js';
import type { LocaleLabel } from './taxonomy-pages.js';
import { TimeZoneFieldset } from './time-zone-field.js';

export interface SettingsView {
  t: Translator;
  csrfToken: string | undefined;
  values: SettingsFormValues;
  /** Locales with name, tagline and fallback fields. */
  locales: LocaleLabel[];
  /** Section names for the navigation list, by key. */
  sectionNames: Record<string, string>;
  errors: Record<string, string>;
}

export function SettingsPage({ view }: { view: SettingsView }) {
  const { t, values, errors } = view;
  const count = Object.keys(errors).length;
  return (
    <>
      <h1>{t('settings.heading')}</h1>
      {count > 0 ? (
        <p class="notice notice-error" role="alert">
          {t('settings.error.summary', { count })}
        </p>
      ) : null}
      <form method="post" action="/admin/settings" class="panel">
        <CsrfField token={view.csrfToken} />
        <fieldset>
          <legend>{t('settings.languages')}</legend>
          <Field
            name="locales"
            label={t('settings.field.locales')}
            hint={t('settings.field.localesHint')}
            value={values.locales}
            error={errors.locales}
            required
          />
          <SelectField
            name="defaultLocale"
            label={t('settings.field.defaultLocale')}
            value={values.defaultLocale}
            options={view.locales.map((l) => ({ value: l.tag, label: `${l.label} (${l.tag})` }))}
            error={errors.defaultLocale}
          />
        </fieldset>
        <TimeZoneFieldset t={t} value={values.timeZone ?? ''} error={errors.timeZone} />
        {view.locales.map((locale) => (
          <fieldset>
            <legend>
              {locale.label} <code>{locale.tag}</code>
            </legend>
            <Field
              name={`name.${locale.tag}`}
              label={t('settings.field.name')}
              value={values.name[locale.tag] ?? ''}
              error={errors[`name.${locale.tag}`]}
              lang={locale.tag}
            />
            <Field
              name={`tagline.${locale.tag}`}
              label={t('settings.field.tagline')}
              value={values.tagline[locale.tag] ?? ''}
              error={errors[`tagline.${locale.tag}`]}
              lang={locale.tag}
            />
            <Field
              name={`fallbacks.${locale.tag}`}
              label={t('settings.field.fallbacks')}
              hint={t('settings.field.fallbacksHint')}
              value={values.fallbacks[locale.tag] ?? ''}
              error={errors[`fallbacks.${locale.tag}`]}
            />
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('settings.navigation')}</legend>
          <p class="field-hint">{t('settings.navigationHint')}</p>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('settings.navigation.show')}</th>
                <th scope="col">{t('settings.navigation.order')}</th>
              </tr>
            </thead>
            <tbody>
              {values.navigation.map((item) => {
                const orderId = `field_navOrder_${item.key}`;
                const error = errors[`navOrder.${item.key}`];
                return (
                  <tr>
                    <td>
                      <label>
                        <input type="checkbox" name="nav" value={item.key} checked={item.checked} />{' '}
                        {view.sectionNames[item.key] ?? item.key} <code>{item.key}</code>
                      </label>
                    </td>
                    <td>
                      <label class="visually-hidden" for={orderId}>
                        {t('settings.navigation.orderOf', {
                          section: view.sectionNames[item.key] ?? item.key,
                        })}
                      </label>
                      <input
                        id={orderId}
                        type="text"
                        inputmode="numeric"
                        name={`navOrder.${item.key}`}
                        value={item.order}
                        class="narrow"
                        aria-invalid={error ? 'true' : undefined}
                        aria-describedby={error ? `${orderId}_error` : undefined}
                      />
                      {error ? (
                        <p class="field-error" id={`${orderId}_error`}>
                          {error}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
        <button type="submit" class="button button-primary">
          {t('settings.save')}
        </button>
      </form>
    </>
  );
}
