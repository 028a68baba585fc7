import type { PageChrome } from '../view-models.js';
import { feedList } from './document-head.js';

export function SiteFooter({ chrome }: { chrome: PageChrome }) {
  const { t } = chrome;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <nav class="feed-links" aria-label={t('feeds.label')}>
          <h2 class="footer-heading">{t('feeds.label')}</h2>
          <ul>
            {feedList(chrome).map((feed) => (
              <li>
                <a href={feed.href} type={feed.type}>
                  {feed.format}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="site-credit">
          <a href={chrome.homeHref}>{chrome.siteName}</a>
          {chrome.tagline ? <span class="tagline">{chrome.tagline}</span> : null}
        </p>
      </div>
    </footer>
  );
}
