import { describe, expect, it } from 'vitest';
import { createTranslator } from '../platform/i18n.js';
import { shareLinks } from './share-links.js';

const URL_ = 'https://news.example.test/zh/ai-models/h200-vs-mi300x';
const TITLE = 'H200 对比 MI300X & 更多?';
const u = encodeURIComponent(URL_);
const text = encodeURIComponent(TITLE);

describe('shareLinks', () => {
  const links = shareLinks(URL_, TITLE, createTranslator('zh'));

  it.each([
    ['x', 'X', `https://x.com/intent/post?url=${u}&text=${text}`],
    ['linkedin', '领英', `https://www.linkedin.com/sharing/share-offsite/?url=${u}`],
    ['facebook', 'Facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['weibo', '微博', `https://service.weibo.com/share/share.php?url=${u}&title=${text}`],
    ['telegram', 'Telegram', `https://t.me/share/url?url=${u}&text=${text}`],
    ['email', '邮件', `mailto:?subject=${text}&body=${u}`],
  ])('%s: labelled %s, linking %s', (network, label, href) => {
    expect(links.find((l) => l.network === network)).toEqual({ network, label, href });
  });

  it('lists the networks in the order the share row shows them', () => {
    expect(links.map((l) => l.network)).toEqual(['x', 'linkedin', 'facebook', 'weibo', 'telegram', 'email']);
  });

  it('keeps a title’s & and ? from breaking out of its query parameter', () => {
    for (const link of links) expect(link.href).not.toContain('& 更多');
    expect(text).toContain('%26');
    expect(text).toContain('%3F');
  });
});
