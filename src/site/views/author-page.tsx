import type { AuthorPageData } from '../view-models.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { langIfDifferent, renderDocument } from './document.js';
import { Layout } from './layout.js';
import { PaginationNav } from './pagination-nav.js';
import { ResponsiveImage } from './responsive-image.js';
import { StoryList } from './story-card.js';

/** A person's page: portrait, bio (in another language when theirs lacks this one), their stories. */
function AuthorPage({ chrome, person, breadcrumbs, stories, pagination }: AuthorPageData) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass="page-author">
      <Breadcrumbs items={breadcrumbs} t={t} canonicalUrl={chrome.canonicalUrl} />
      <header class="page-header author-header">
        {person.avatar ? (
          <div class="author-avatar">
            <ResponsiveImage image={person.avatar} pageLang={chrome.htmlLang} loading="eager" />
          </div>
        ) : null}
        <div class="author-intro">
          <h1>{person.name}</h1>
          {person.bio ? (
            <p class="page-description author-bio" lang={langIfDifferent(person.bioLang, chrome.htmlLang)}>
              {person.bio}
            </p>
          ) : null}
        </div>
      </header>
      <section class="list-section" aria-labelledby="author_stories">
        <h2 id="author_stories">{t('author.stories', { name: person.name })}</h2>
        <StoryList
          stories={stories}
          t={t}
          pageLang={chrome.htmlLang}
          headingLevel={3}
          variant="grid"
          eager={pagination.previousHref === undefined}
        />
      </section>
      <PaginationNav pagination={pagination} t={t} />
    </Layout>
  );
}

export function renderAuthorPage(data: AuthorPageData): string {
  return renderDocument(<AuthorPage {...data} />);
}
