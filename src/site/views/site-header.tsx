import type { PageChrome } from '../view-models.js';
import { isThisPage } from './document.js';

/**
 * `page` when the link is this very page (a section's own first page), `true` when the page only
 * belongs to it (a story in that section), as ARIA distinguishes the two.
 */
function currentValue(href: string, current: boolean, chrome: PageChrome): 'page' | 'true' | undefined {
  if (!current) return undefined;
  return isThisPage(href, chrome.canonicalUrl) ? 'page' : 'true';
}

export function SiteHeader({ chrome }: { chrome: PageChrome }) {
  const { t } = chrome;
  return (
    <header class="site-header">
      <div class="wrap site-bar">
        <a class="site-name" href={chrome.homeHref}>
          {chrome.siteName}
        </a>
        {chrome.languageLinks.length > 1 ? (
          <nav class="language-switcher" aria-label={t('nav.languages')}>
            <ul>
              {chrome.languageLinks.map((link) => (
                <li>
                  <a
                    href={link.href}
                    hreflang={link.locale}
                    lang={link.locale}
                    aria-current={link.current ? 'true' : undefined}
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      {chrome.navigation.length > 0 ? (
        <nav class="section-nav wrap" aria-label={t('nav.sections')}>
          <ul>
            {chrome.navigation.map((item) => (
              <li>
                <a href={item.href} aria-current={currentValue(item.href, item.current, chrome)}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
