import type { PageChrome } from '../view-models.js';

/**
 * The newsletter invitation on every page. The form posts to `/{locale}/newsletter` in the reader's
 * language, so it works without script; the signup handler lives with the newsletter feature.
 */
export function NewsletterBox({ chrome }: { chrome: PageChrome }) {
  const { t } = chrome;
  return (
    <aside class="newsletter" aria-labelledby="newsletter_heading">
      <div class="wrap newsletter-inner">
        <h2 id="newsletter_heading">{t('newsletter.heading')}</h2>
        <p class="newsletter-text">{t('newsletter.text')}</p>
        <form class="newsletter-form" method="post" action={`/${chrome.locale}/newsletter`}>
          <label for="newsletter_email">{t('newsletter.emailLabel')}</label>
          <div class="newsletter-row">
            <input id="newsletter_email" type="email" name="email" autocomplete="email" required />
            <input type="hidden" name="locale" value={chrome.locale} />
            <button type="submit">{t('newsletter.submit')}</button>
          </div>
        </form>
      </div>
    </aside>
  );
}
