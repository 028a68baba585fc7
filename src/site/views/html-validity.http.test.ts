import { describe, expect, it } from 'vitest';
import {
  buildEntityHubData,
  buildErrorPageData,
  buildFallbackStoryPageData,
  buildFrontPageData,
  buildKindHubData,
  buildSectionPageData,
  buildStoryPageData,
} from '../../../test/support/site-views/fixtures.js';
import { fillTextWith } from '../../../test/support/site-views/test-html.js';
import { vnuProblems } from '../../../test/support/vnu.js';
import { renderEntityHub } from './entity-hub.js';
import { renderErrorPage } from './error-page.js';
import { renderFrontPage } from './front-page.js';
import { renderKindHub } from './kind-hub.js';
import { renderSectionPage } from './section-page.js';
import { renderStoryPage } from './story-page.js';

// Every page kind, in both languages, through the Nu Html Checker (vnu-jar, needs Java): zero errors
// and zero warnings allowed (test/support/vnu.ts runs the checker once over all of them).

function pages(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of ['zh', 'en'] as const) {
    out[`story-${l}`] = renderStoryPage(buildStoryPageData(l));
    out[`fallback-${l}`] = renderStoryPage(buildFallbackStoryPageData(l));
    out[`front-${l}`] = renderFrontPage(buildFrontPageData(l));
    out[`section-${l}`] = renderSectionPage(buildSectionPageData(l));
    out[`entity-${l}`] = renderEntityHub(buildEntityHubData(l));
    out[`kind-${l}`] = renderKindHub(buildKindHubData(l));
    for (const status of [404, 410, 500] as const)
      out[`error-${status}-${l}`] = renderErrorPage(buildErrorPageData(l, status));
  }
  // Escaped hostile text must still make a valid document (meta names are machine values, kept).
  const hostile = fillTextWith(buildStoryPageData('en'));
  hostile.chrome.meta = buildStoryPageData('en').chrome.meta;
  out['story-hostile'] = renderStoryPage(hostile);
  return out;
}

describe('Nu Html Checker', () => {
  it('finds no error or warning on any page', () => {
    expect(vnuProblems(pages())).toEqual([]);
  }, 60_000);
});
