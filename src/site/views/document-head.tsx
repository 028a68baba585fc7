import type { PageChrome } from '../view-models.js';
import { jsonLdScriptContent } from './document.js';

const FEED_TYPES = [
  { key: 'rss', type: 'application/rss+xml', label: 'feeds.rss' },
  { key: 'atom', type: 'application/atom+xml', label: 'feeds.atom' },
  { key: 'json', type: 'application/feed+json', label: 'feeds.json' },
] as const;

/** The feeds of a page in a fixed order, each with its MIME type and localized format name. */
export function feedList(chrome: PageChrome): { href: string; type: string; format: string }[] {
  return FEED_TYPES.map(({ key, type, label }) => ({
    href: chrome.feeds[key],
    type,
    format: chrome.t(label),
  }));
}

/** Everything in `<head>`: metadata for browsers, search engines, feed readers and link previews. */
export function DocumentHead({ chrome }: { chrome: PageChrome }) {
  const { t } = chrome;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{chrome.title}</title>
      {chrome.description ? <meta name="description" content={chrome.description} /> : null}
      {chrome.noindex ? <meta name="robots" content="noindex" /> : null}
      <meta name="color-scheme" content="light dark" />
      {chrome.canonicalUrl ? <link rel="canonical" href={chrome.canonicalUrl} /> : null}
      {chrome.alternates.map((alternate) => (
        <link rel="alternate" hreflang={alternate.hreflang} href={alternate.href} />
      ))}
      {feedList(chrome).map((feed) => (
        <link
          rel="alternate"
          type={feed.type}
          title={t('feeds.titleWithFormat', { title: chrome.feeds.title, format: feed.format })}
          href={feed.href}
        />
      ))}
      {chrome.meta.map((tag) =>
        tag.property ? (
          <meta property={tag.property} content={tag.content} />
        ) : (
          <meta name={tag.name} content={tag.content} />
        ),
      )}
      <link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48" />
      <link rel="stylesheet" href={chrome.stylesheetHref} />
      <script defer src={chrome.scriptHref} />
      {chrome.jsonLd.map((data) => (
        <script type="application/ld+json">{jsonLdScriptContent(data)}</script>
      ))}
    </head>
  );
}
