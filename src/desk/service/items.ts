import { createHash } from 'node:crypto';
import { htmlToText, sanitizeItemHtml } from '../extract/index.js';
import type { FeedItem } from '../feeds/index.js';
import type { NewFeedItem } from '../store/index.js';

// A summary is a teaser; the desk keeps its start for the inbox and for clustering.
const SUMMARY_CHARS = 1000;

function itemKey(item: FeedItem): string {
  if (item.guid) return `guid:${item.guid}`;
  if (item.url) return `url:${item.url}`;
  const digest = createHash('sha256')
    .update(`${item.title ?? ''}\n${item.publishedAt ?? ''}\n${item.summary ?? ''}`)
    .digest('hex');
  return `hash:${digest}`;
}

/** A parsed feed item as the desk stores it: sanitized HTML, plain-text summary, a stable key. */
export function toNewFeedItem(item: FeedItem, feedUrl: string): NewFeedItem {
  const base = item.url ?? feedUrl;
  // RSS often carries its only HTML (and its links) in the description.
  const html = item.contentHtml ?? item.summary;
  const contentHtml = html ? sanitizeItemHtml(html, base) : '';
  const summarySource = item.summary ?? item.contentHtml ?? '';
  const summary = htmlToText(summarySource).slice(0, SUMMARY_CHARS);
  return {
    itemKey: itemKey(item),
    url: item.url,
    title: item.title ? htmlToText(item.title) : '',
    author: item.author ?? '',
    summary,
    contentHtml,
    categories: item.categories.slice(0, 20),
    publishedAt: item.publishedAt,
  };
}
