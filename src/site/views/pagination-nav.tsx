import type { Pagination, Translator } from '../view-models.js';

/** Newer/older page links with rel=prev/next; nothing when everything fits on one page. */
export function PaginationNav({ pagination, t }: { pagination: Pagination; t: Translator }) {
  if (!pagination.previousHref && !pagination.nextHref) return null;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {pagination.previousHref ? (
        <a class="pagination-previous" rel="prev" href={pagination.previousHref}>
          {t('pagination.previous')}
        </a>
      ) : null}
      {pagination.nextHref ? (
        <a class="pagination-next" rel="next" href={pagination.nextHref}>
          {t('pagination.next')}
        </a>
      ) : null}
    </nav>
  );
}
