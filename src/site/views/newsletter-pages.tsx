import type { PageChrome } from '../view-models.js';
import { renderDocument } from './document.js';
import { Layout } from './layout.js';

export interface TopicOption {
  key: string;
  label: string;
  checked: boolean;
}

export interface NewsletterChoices {
  languages: { locale: string; label: string; selected: boolean }[];
  frequency: 'daily' | 'weekly';
  sections: TopicOption[];
  entities: TopicOption[];
}

export interface NewsletterSignupPageData {
  chrome: PageChrome;
  action: string;
  email: string;
  choices: NewsletterChoices;
  /** A message when the form came back with a mistake. */
  problem?: string;
}

/** A page that says one thing, optionally with one button (confirm, unsubscribe). */
export interface NewsletterMessagePageData {
  chrome: PageChrome;
  heading: string;
  text: string;
  button?: { action: string; label: string };
  links?: { href: string; label: string }[];
}

export interface NewsletterPreferencesPageData {
  chrome: PageChrome;
  email: string;
  stateLabel: string;
  notice?: string;
  actions: { save: string; unsubscribe?: string; exportData: string; deleteData: string };
  choices: NewsletterChoices;
}

function TopicFieldset({ legend, name, options }: { legend: string; name: string; options: TopicOption[] }) {
  if (options.length === 0) return null;
  return (
    <fieldset class="nl-topics">
      <legend>{legend}</legend>
      <ul class="nl-options">
        {options.map((option) => (
          <li>
            <label>
              <input type="checkbox" name={name} value={option.key} checked={option.checked} /> {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Language, frequency and topics: the same fields on the signup and the preferences page. */
function ChoiceFields({ chrome, choices }: { chrome: PageChrome; choices: NewsletterChoices }) {
  const { t } = chrome;
  return (
    <>
      <p class="nl-field">
        <label for="nl_locale">{t('newsletterPage.language')}</label>
        <select id="nl_locale" name="locale">
          {choices.languages.map((language) => (
            <option value={language.locale} selected={language.selected} lang={language.locale}>
              {language.label}
            </option>
          ))}
        </select>
      </p>
      <fieldset class="nl-frequency">
        <legend>{t('newsletterPage.frequency')}</legend>
        {(['daily', 'weekly'] as const).map((frequency) => (
          <label>
            <input
              type="radio"
              name="frequency"
              value={frequency}
              checked={choices.frequency === frequency}
            />{' '}
            {t(`newsletterPage.${frequency}`)}
          </label>
        ))}
      </fieldset>
      <p class="nl-hint" id="nl_topics_hint">
        {t('newsletterPage.topicsHint')}
      </p>
      <TopicFieldset legend={t('newsletterPage.sections')} name="section" options={choices.sections} />
      <TopicFieldset legend={t('newsletterPage.entities')} name="entity" options={choices.entities} />
    </>
  );
}

function NewsletterSignupPage({ chrome, action, email, choices, problem }: NewsletterSignupPageData) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass="page-newsletter" hideNewsletterBox>
      <div class="nl">
        <h1>{t('newsletterPage.title')}</h1>
        <p>{t('newsletterPage.intro')}</p>
        {problem ? (
          <p class="nl-problem" role="alert" id="nl_problem">
            {problem}
          </p>
        ) : null}
        <form class="nl-form" method="post" action={action}>
          <p class="nl-field">
            <label for="nl_email">{t('newsletterPage.email')}</label>
            <input
              id="nl_email"
              type="email"
              name="email"
              value={email}
              autocomplete="email"
              required
              maxlength={254}
              aria-describedby={problem ? 'nl_problem' : undefined}
              aria-invalid={problem ? 'true' : undefined}
            />
          </p>
          <ChoiceFields chrome={chrome} choices={choices} />
          {/* The honeypot: off screen, out of the tab order and out of the accessibility tree,
              so only a bot that fills every field fills it. */}
          <div class="nl-trap" aria-hidden="true">
            <label for="nl_website">{t('newsletterPage.honeypot')}</label>
            <input id="nl_website" type="text" name="website" tabindex={-1} autocomplete="off" />
          </div>
          <p>
            <button type="submit">{t('newsletterPage.subscribe')}</button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

function NewsletterMessagePage({ chrome, heading, text, button, links }: NewsletterMessagePageData) {
  return (
    <Layout chrome={chrome} pageClass="page-newsletter" hideNewsletterBox>
      <div class="nl">
        <h1>{heading}</h1>
        <p>{text}</p>
        {button ? (
          <form method="post" action={button.action}>
            <button type="submit">{button.label}</button>
          </form>
        ) : null}
        {links && links.length > 0 ? (
          <ul class="nl-links">
            {links.map((link) => (
              <li>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Layout>
  );
}

function NewsletterPreferencesPage(data: NewsletterPreferencesPageData) {
  const { chrome, actions } = data;
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass="page-newsletter" hideNewsletterBox>
      <div class="nl">
        <h1>{t('newsletterPage.preferences.title')}</h1>
        <p>
          {t('newsletterPage.preferences.for', { email: data.email })} · {data.stateLabel}
        </p>
        {data.notice ? (
          <p class="nl-notice" role="status">
            {data.notice}
          </p>
        ) : null}
        <form class="nl-form" method="post" action={actions.save}>
          <ChoiceFields chrome={chrome} choices={data.choices} />
          <p>
            <button type="submit">{t('newsletterPage.preferences.save')}</button>
          </p>
        </form>
        {actions.unsubscribe ? (
          <form method="post" action={actions.unsubscribe}>
            <button type="submit" class="nl-secondary">
              {t('newsletterPage.unsubscribe.button')}
            </button>
          </form>
        ) : null}
        <h2>{t('newsletterPage.preferences.yourData')}</h2>
        <form method="post" action={actions.exportData}>
          <button type="submit" class="nl-secondary">
            {t('newsletterPage.preferences.export')}
          </button>
        </form>
        <p class="nl-hint">{t('newsletterPage.preferences.deleteHint')}</p>
        <form method="post" action={actions.deleteData}>
          <button type="submit" class="nl-danger">
            {t('newsletterPage.preferences.delete')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function renderNewsletterSignupPage(data: NewsletterSignupPageData): string {
  return renderDocument(<NewsletterSignupPage {...data} />);
}

export function renderNewsletterMessagePage(data: NewsletterMessagePageData): string {
  return renderDocument(<NewsletterMessagePage {...data} />);
}

export function renderNewsletterPreferencesPage(data: NewsletterPreferencesPageData): string {
  return renderDocument(<NewsletterPreferencesPage {...data} />);
}
