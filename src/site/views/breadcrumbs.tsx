import type { LinkView, Translator } from '../view-models.js';
import { isThisPage } from './document.js';

export interface BreadcrumbsProps {
  items: LinkView[];
  t: Translator;
  /** The page's canonical URL: a crumb pointing at the page itself gets `aria-current="page"`. */
  canonicalUrl: string | undefined;
}

/** The trail from the front page down to this page (or its parent, on a story). */
export function Breadcrumbs({ items, t, canonicalUrl }: BreadcrumbsProps) {
  if (items.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={isThisPage(item.href, canonicalUrl) ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
