import { describe, expect, it } from 'vitest';
import { buildErrorPageData } from '../../../test/support/site-views/fixtures.js';
import {
  expectHeadingOrder,
  expectNoInjection,
  expectUniqueIds,
  fillTextWith,
} from '../../../test/support/site-views/test-html.js';
import { renderErrorPage } from './error-page.js';

describe('renderErrorPage', () => {
  it.each([
    ['zh', 403, '请求被拒绝'],
    ['zh', 404, '找不到这个页面'],
    ['zh', 410, '此页面已删除'],
    ['zh', 500, '出了点问题'],
    ['en', 403, 'This request was refused'],
    ['en', 404, 'Page not found'],
    ['en', 410, 'This page has been removed'],
    ['en', 500, 'Something went wrong'],
  ] as const)('%s %i speaks the reader’s language', (locale, status, heading) => {
    const html = renderErrorPage(buildErrorPageData(locale, status));
    expectHeadingOrder(html);
    expectUniqueIds(html);
    expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toContain(locale === 'zh' ? `错误${status}` : `Error ${status}`);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain(
      `<a href="/${locale}/">${locale === 'zh' ? '返回首页' : 'Back to the front page'}</a>`,
    );
  });

  it('escapes every text field', () => {
    expectNoInjection(renderErrorPage(fillTextWith(buildErrorPageData('en'))));
  });
});
