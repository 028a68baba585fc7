import type { SectionPageData } from '../view-models.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { renderDocument } from './document.js';
import { Layout } from './layout.js';
import { PaginationNav } from './pagination-nav.js';
import { StoryList } from './story-card.js';

function SectionPage({ chrome, section, breadcrumbs, stories, pagination }: SectionPageData) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass="page-section">
      <Breadcrumbs items={breadcrumbs} t={t} canonicalUrl={chrome.canonicalUrl} />
      <header class="page-header">
        <h1>{section.name}</h1>
        {section.description ? <p class="page-description">{section.description}</p> : null}
        {pagination.startsBefore ? (
          <p class="page-count">{t('pagination.before', { date: pagination.startsBefore })}</p>
        ) : null}
      </header>
      <StoryList
        stories={stories}
        t={t}
        pageLang={chrome.htmlLang}
        headingLevel={2}
        variant="grid"
        hideSection
        eager={pagination.previousHref === undefined}
      />
      <PaginationNav pagination={pagination} t={t} />
    </Layout>
  );
}

/** A section's listing page as an HTML document. */
export function renderSectionPage(data: SectionPageData): string {
  return renderDocument(<SectionPage {...data} />);
}
