import { formatNumber } from '../format.js';
import type { StoryPageData, Translator } from '../view-models.js';

export interface ShareRowProps {
  share: StoryPageData['share'];
  t: Translator;
  /** Set when the row sits inside content of another language. */
  lang: string | undefined;
}

/**
 * Share links as plain anchors (no third-party script), the share count, and a copy-link button.
 * Without script the links simply open the network's share page; site.js counts a click by posting
 * to `data-share-endpoint` and writes the answer into `[data-share-count]`. The copy button needs
 * the clipboard API, so its item stays hidden until the script reveals it.
 */
export function ShareRow({ share, t, lang }: ShareRowProps) {
  return (
    <div class="share" lang={lang} data-share-endpoint={share.endpoint}>
      <p class="share-total">
        <span class="share-label">{t('share.label')}</span>
        <span class="share-count" data-share-count="">
          {formatNumber(share.count, t.locale)}
        </span>
      </p>
      <ul class="share-links">
        {share.links.map((link) => (
          <li>
            <a
              class="share-link"
              href={link.href}
              data-network={link.network}
              target={link.network === 'email' ? undefined : '_blank'}
              rel="noopener noreferrer"
            >
              {link.label}
            </a>
          </li>
        ))}
        <li hidden data-copy-item="">
          <button
            type="button"
            class="share-link"
            data-copy-url={share.url}
            data-copied={t('share.copied')}
            data-copy-failed={t('share.copyFailed')}
          >
            {t('share.copyLink')}
          </button>
        </li>
      </ul>
      <p class="copy-status" role="status" data-copy-status=""></p>
    </div>
  );
}
