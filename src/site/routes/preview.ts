import type { Context } from 'hono';
import { findPreview } from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import { findShareCount } from '../../stories/index.js';
import type { SiteDeps } from '../deps.js';
import { HTML } from '../respond.js';
import { renderStoryPage } from '../views/story-page.js';
import { bylinePeople, storyPageData } from './story.js';

/**
 * `/preview/<token>`: a variant's current text, published or not, for whoever holds the private
 * link until it expires. Never indexed and never cached (neither here nor by browsers or proxies),
 * so the next edit shows at once and nothing outlives the link.
 */
export async function previewRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const lookup = await findPreview(deps.db, c.req.param('token') ?? '', deps.now());
  if (lookup.status === 'unknown') throw new DomainError('not-found', 'No preview at this address.');
  if (lookup.status === 'expired') throw new DomainError('gone', 'This preview link has expired.');
  const { story, variant } = lookup;
  const data = storyPageData(deps, {
    story,
    locale: variant.locale,
    variant,
    isFallback: false,
    related: [],
    shareCount: await findShareCount(deps.db, story.id),
    people: await bylinePeople(deps, variant),
  });
  data.chrome.noindex = true;
  return c.body(renderStoryPage(data), 200, {
    'content-type': HTML,
    'content-language': data.chrome.htmlLang,
    'cache-control': 'private, no-store',
    'x-robots-tag': 'noindex, nofollow',
    // The token is the whole secret: links followed from the preview must not carry it along.
    'referrer-policy': 'no-referrer',
  });
}
