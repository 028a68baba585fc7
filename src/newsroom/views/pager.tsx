import type { Translator } from '../../platform/i18n.js';

export interface PagerView {
  page: number;
  totalPages: number;
  previousHref?: string;
  nextHref?: string;
}

/** Previous / next links under a long list; nothing when it fits on one page. */
export function Pager({ pager, t }: { pager: PagerView; t: Translator }) {
  if (pager.totalPages <= 1 && !pager.previousHref) return null;
  return (
    <nav class="pager" aria-label={t('settings.pager.label')}>
      {pager.previousHref ? (
        <a href={pager.previousHref} rel="prev">
          {t('settings.pager.previous')}
        </a>
      ) : null}
      <span>{t('settings.pager.position', { page: pager.page, total: Math.max(pager.totalPages, 1) })}</span>
      {pager.nextHref ? (
        <a href={pager.nextHref} rel="next">
          {t('settings.pager.next')}
        </a>
      ) : null}
    </nav>
  );
}
