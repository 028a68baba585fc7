import type { ShareLinkView, Translator } from './view-models.js';

/**
 * The share row's links: each network's own share address with the story's URL and title
 * URL-encoded, labelled in the UI language. Plain links, so sharing loads no third-party script.
 */
export function shareLinks(url: string, title: string, t: Translator): ShareLinkView[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { network: 'x', label: t('share.x'), href: `https://x.com/intent/post?url=${u}&text=${text}` },
    {
      network: 'linkedin',
      label: t('share.linkedin'),
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    },
    {
      network: 'facebook',
      label: t('share.facebook'),
      href: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    },
    {
      network: 'weibo',
      label: t('share.weibo'),
      href: `https://service.weibo.com/share/share.php?url=${u}&title=${text}`,
    },
    { network: 'telegram', label: t('share.telegram'), href: `https://t.me/share/url?url=${u}&text=${text}` },
    { network: 'email', label: t('share.email'), href: `mailto:?subject=${text}&body=${u}` },
  ];
}
