import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { CheckboxGroup, SelectField } from './form-controls.js';
import { DigestPreview, type DigestPreviewView, NewsletterTabs } from './newsletter-common.js';

type Option = { value: string; label: string };

export interface PreviewView {
  t: Translator;
  csrfToken: string | undefined;
  form: {
    locale: string;
    frequency: 'daily' | 'weekly';
    /** '' for the frequency's own period. */
    days: string;
    topics: string[];
  };
  locales: Option[];
  sections: Option[];
  entities: Option[];
  /** The period the digest covers, as a sentence. */
  period: string;
  /** Absent when nothing was published in the period. */
  preview?: DigestPreviewView;
  testSend: { to: string; error?: string | undefined };
}

const DAY_CHOICES = ['1', '7', '14', '30'];

function ChooseForm({ view }: { view: PreviewView }) {
  const { t, form } = view;
  const checked = (options: Option[]) =>
    options.map((option) => ({ ...option, checked: form.topics.includes(option.value) }));
  return (
    <form method="get" action="/admin/newsletter/preview" class="panel">
      <div class="filters">
        <SelectField
          name="locale"
          label={t('newsletterAdmin.field.locale')}
          value={form.locale}
          options={view.locales}
        />
        <SelectField
          name="frequency"
          label={t('newsletterAdmin.field.frequency')}
          value={form.frequency}
          options={(['daily', 'weekly'] as const).map((f) => ({
            value: f,
            label: t(`subscribers.frequency.${f}`),
          }))}
        />
        <SelectField
          name="days"
          label={t('newsletterAdmin.field.days')}
          value={form.days}
          options={[
            { value: '', label: t('newsletterAdmin.field.daysDefault') },
            ...DAY_CHOICES.map((d) => ({
              value: d,
              label: t('newsletterAdmin.field.daysN', { days: Number(d) }),
            })),
          ]}
        />
      </div>
      {view.sections.length > 0 ? (
        <CheckboxGroup
          name="topic"
          legend={t('newsletterAdmin.field.sections')}
          options={checked(view.sections)}
        />
      ) : null}
      {view.entities.length > 0 ? (
        <CheckboxGroup
          name="topic"
          legend={t('newsletterAdmin.field.entities')}
          options={checked(view.entities)}
        />
      ) : null}
      <p class="field-hint">{t('newsletterAdmin.field.topicsHint')}</p>
      <button type="submit" class="button">
        {t('newsletterAdmin.preview.submit')}
      </button>
    </form>
  );
}

function TestSendForm({ view }: { view: PreviewView }) {
  const { t, form } = view;
  return (
    <section class="panel newsletter-panel" aria-labelledby="test_send_heading">
      <h2 id="test_send_heading">{t('newsletterAdmin.testSend.heading')}</h2>
      <p>{t('newsletterAdmin.testSend.text')}</p>
      <form method="post" action="/admin/newsletter/test-send">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="locale" value={form.locale} />
        <input type="hidden" name="frequency" value={form.frequency} />
        <input type="hidden" name="days" value={form.days} />
        {form.topics.map((topic) => (
          <input type="hidden" name="topic" value={topic} />
        ))}
        <Field
          name="to"
          type="email"
          label={t('newsletterAdmin.testSend.to')}
          value={view.testSend.to}
          error={view.testSend.error}
          autocomplete="email"
          required
        />
        <button type="submit" class="button button-primary">
          {t('newsletterAdmin.testSend.submit')}
        </button>
      </form>
    </section>
  );
}

export function NewsletterPreviewPage({ view }: { view: PreviewView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('newsletterAdmin.preview.pageHeading')}</h1>
      <NewsletterTabs t={t} current="preview" />
      <ChooseForm view={view} />
      <p>{view.period}</p>
      {view.preview ? (
        <>
          <TestSendForm view={view} />
          <DigestPreview t={t} preview={view.preview} id="digest_preview" />
        </>
      ) : (
        <p class="notice notice-warning">{t('newsletterAdmin.preview.nothing')}</p>
      )}
    </>
  );
}
