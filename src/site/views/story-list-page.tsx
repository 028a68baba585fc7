import type { Child } from 'hono/jsx';
import type { LinkView, PageChrome, Pagination, StoryCardView } from '../view-models.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { Layout } from './layout.js';
import { PaginationNav } from './pagination-nav.js';
import { StoryList } from './story-card.js';

interface StoryListPageProps {
  chrome: PageChrome;
  pageClass: string;
  breadcrumbs: LinkView[];
  /** The page's own header: who or what the stories are about. */
  header: Child;
  /** Id of the list's heading, which names the list section for assistive technology. */
  listId: string;
  listHeading: string;
  stories: StoryCardView[];
  pagination: Pagination;
}

/**
 * The frame shared by the pages that list one subject's stories (an entity hub, an author's page):
 * breadcrumbs, the subject's header, its stories as a grid of cards, and the paging links.
 */
export function StoryListPage(props: StoryListPageProps) {
  const { chrome, pagination } = props;
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass={props.pageClass}>
      <Breadcrumbs items={props.breadcrumbs} t={t} canonicalUrl={chrome.canonicalUrl} />
      {props.header}
      <section class="list-section" aria-labelledby={props.listId}>
        <h2 id={props.listId}>{props.listHeading}</h2>
        <StoryList
          stories={props.stories}
          t={t}
          pageLang={chrome.htmlLang}
          headingLevel={3}
          variant="grid"
          // The first page's cards are above the fold; later pages' are not.
          eager={pagination.previousHref === undefined}
        />
      </section>
      <PaginationNav pagination={pagination} t={t} />
    </Layout>
  );
}
