import type { ErrorPageData } from '../view-models.js';
import { renderDocument } from './document.js';
import { Layout } from './layout.js';

/** An error page in the reader's language, with the status sent and a way back. */
function ErrorPage({ chrome, status, heading, message, links }: ErrorPageData) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass="page-error">
      <div class="error">
        <p class="kicker">{t('error.code', { status })}</p>
        <h1>{heading}</h1>
        <p class="error-message">{message}</p>
        {links.length > 0 ? (
          <>
            <h2 class="error-suggestions">{t('error.suggestions')}</h2>
            <ul class="error-links">
              {links.map((link) => (
                <li>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Layout>
  );
}

/** An error page as an HTML document; the route sends it with the matching status. */
export function renderErrorPage(data: ErrorPageData): string {
  return renderDocument(<ErrorPage {...data} />);
}
