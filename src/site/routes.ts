import { Hono } from 'hono';
import { DomainError } from '../platform/errors.js';
import { chooseLocale } from '../publishing/index.js';
import type { SiteDeps } from './deps.js';
import { withTrailingSlash } from './redirect.js';
import { authorFeedRoute, authorRoute } from './routes/authors.js';
import { LOCALE_COOKIE } from './routes/errors.js';
import { entityFeedRoute, FEED_FILES, sectionFeedRoute, siteFeedRoute } from './routes/feeds.js';
import { assetRoute, faviconRoute, mediaRoute } from './routes/files.js';
import { entityRoute, frontRoute, KIND_HUBS, kindHubRoute, sectionRoute } from './routes/lists.js';
import {
  deleteDataRoute,
  exportDataRoute,
  oneClickUnsubscribeRoute,
  preferencesPageRoute,
  preferencesUnsubscribeRoute,
  savePreferencesRoute,
  unsubscribePageRoute,
} from './routes/newsletter-manage.js';
import { confirmPageRoute, confirmRoute, signupPageRoute, signupRoute } from './routes/newsletter-signup.js';
import { previewRoute } from './routes/preview.js';
import { type ShareTally, shareRoute } from './routes/share.js';
import { localeSitemapRoute, newsSitemapRoute, robotsRoute, sitemapIndexRoute } from './routes/sitemaps.js';
import { storyRoute } from './routes/story.js';

/** Every public route, in one list: this reads as the site map. */
export function siteRoutes(deps: SiteDeps, shares: ShareTally): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    const cookie = c.req
      .header('cookie')
      ?.split(';')
      .map((part) => part.trim().split('='))
      .find(([name]) => name === LOCALE_COOKIE)?.[1];
    const locale = chooseLocale({
      cookie,
      acceptLanguage: c.req.header('accept-language'),
      enabled: deps.catalog.settings.locales,
      defaultLocale: deps.catalog.settings.defaultLocale,
    });
    return c.redirect(`/${locale}/${new URL(c.req.url).search}`, 302);
  });
  app.get('/robots.txt', (c) => robotsRoute(c, deps));
  app.get('/sitemap.xml', (c) => sitemapIndexRoute(c, deps));
  app.get('/sitemaps/news.xml', (c) => newsSitemapRoute(c, deps));
  app.get('/sitemaps/:file{[a-zA-Z-]+\\.xml}', (c) =>
    localeSitemapRoute(c, deps, (c.req.param('file') ?? '').slice(0, -4)),
  );
  app.get('/assets/:file', (c) => assetRoute(c, deps));
  app.get('/favicon.ico', (c) => faviconRoute(c, deps));
  app.get('/media/:file', (c) => mediaRoute(c, deps));
  app.post('/share/:id', (c) => shareRoute(c, deps, shares));
  // Registered before the locale routes, which would otherwise take `/share/<id>` for a section.
  app.get('/share/:id', () => {
    throw new DomainError('method-not-allowed', 'Shares are counted with POST.');
  });

  // Private previews of unpublished text; before the locale routes, which would take `preview`.
  app.get('/preview/:token', (c) => previewRoute(c, deps));

  // The newsletter, before the section routes that would take `newsletter` for a section. Pages
  // behind a signed link (confirm, preferences, unsubscribe) act only on POST.
  app.get('/:locale/newsletter', (c) => signupPageRoute(c, deps));
  app.post('/:locale/newsletter', (c) => signupRoute(c, deps));
  app.get('/:locale/newsletter/confirm/:token', (c) => confirmPageRoute(c, deps));
  app.post('/:locale/newsletter/confirm/:token', (c) => confirmRoute(c, deps));
  app.get('/:locale/newsletter/preferences/:token', (c) => preferencesPageRoute(c, deps));
  app.post('/:locale/newsletter/preferences/:token', (c) => savePreferencesRoute(c, deps));
  app.post('/:locale/newsletter/preferences/:token/unsubscribe', (c) => preferencesUnsubscribeRoute(c, deps));
  app.post('/:locale/newsletter/preferences/:token/export', (c) => exportDataRoute(c, deps));
  app.post('/:locale/newsletter/preferences/:token/delete', (c) => deleteDataRoute(c, deps));
  app.get('/:locale/newsletter/unsubscribe/:token', (c) => unsubscribePageRoute(c, deps));
  app.post('/:locale/newsletter/unsubscribe/:token', (c) => oneClickUnsubscribeRoute(c, deps));

  app.get('/:locale/', (c) => frontRoute(c, deps));
  app.get('/:locale', (c) => withTrailingSlash(c, deps));
  for (const { format, file } of FEED_FILES) {
    app.get(`/:locale/${file}`, (c) => siteFeedRoute(c, deps, format));
    app.get(`/:locale/authors/:slug/${file}`, (c) => authorFeedRoute(c, deps, format));
    app.get(`/:locale/topics/:entity/${file}`, (c) => entityFeedRoute(c, deps, format));
    app.get(`/:locale/:section/${file}`, (c) => sectionFeedRoute(c, deps, format));
  }
  app.get('/:locale/authors/:slug', (c) => authorRoute(c, deps));
  app.get('/:locale/topics/', (c) => kindHubRoute(c, deps, 'topics'));
  app.get('/:locale/topics/:entity', (c) => entityRoute(c, deps));
  for (const segment of Object.keys(KIND_HUBS)) {
    app.get(`/:locale/${segment}`, (c) => kindHubRoute(c, deps, segment));
  }
  app.get('/:locale/:section/', (c) => sectionRoute(c, deps));
  app.get('/:locale/:section', (c) => withTrailingSlash(c, deps));
  app.get('/:locale/:section/:slug', (c) => storyRoute(c, deps));

  // The public site only reads, apart from counting shares and the newsletter's forms.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', () => {
    throw new DomainError('method-not-allowed', 'This address only answers GET and HEAD.');
  });
  return app;
}
