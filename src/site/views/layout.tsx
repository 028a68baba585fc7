import type { Child } from 'hono/jsx';
import type { PageChrome } from '../view-models.js';
import { textDirection } from './document.js';
import { DocumentHead } from './document-head.js';
import { NewsletterBox } from './newsletter-box.js';
import { SiteFooter } from './site-footer.js';
import { SiteHeader } from './site-header.js';

export interface LayoutProps {
  chrome: PageChrome;
  /** A class on `<body>` naming the kind of page (`page-story`), for page-specific styles. */
  pageClass: string;
  /** The newsletter pages carry their own form; the invitation under it would repeat it. */
  hideNewsletterBox?: boolean;
  children?: Child;
}

// Ids owned by the views contain an underscore: heading ids from Markdown never do (they are
// letters, digits and hyphens), so a story heading such as "Main" cannot collide with them.

/**
 * The document every public page shares: head, skip link, header, the page's own `<main>`, the
 * newsletter invitation and the footer.
 */
export function Layout({ chrome, pageClass, hideNewsletterBox, children }: LayoutProps) {
  return (
    <html lang={chrome.htmlLang} dir={textDirection(chrome.locale)}>
      <DocumentHead chrome={chrome} />
      <body class={pageClass}>
        <a class="skip-link" href="#main_content">
          {chrome.t('site.skipToContent')}
        </a>
        <SiteHeader chrome={chrome} />
        <main id="main_content" class="wrap" tabindex={-1}>
          {children}
        </main>
        {hideNewsletterBox ? null : <NewsletterBox chrome={chrome} />}
        <SiteFooter chrome={chrome} />
      </body>
    </html>
  );
}
