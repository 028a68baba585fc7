import type { AuthorPageData } from '../view-models.js';
import { langIfDifferent, renderDocument } from './document.js';
import { ResponsiveImage } from './responsive-image.js';
import { StoryListPage } from './story-list-page.js';

/** A person's page: portrait, bio (in another language when theirs lacks this one), their stories. */
function AuthorPage({ chrome, person, breadcrumbs, stories, pagination }: AuthorPageData) {
  const header = (
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
  );
  return (
    <StoryListPage
      chrome={chrome}
      pageClass="page-author"
      breadcrumbs={breadcrumbs}
      header={header}
      listId="author_stories"
      listHeading={chrome.t('author.stories', { name: person.name })}
      stories={stories}
      pagination={pagination}
    />
  );
}

export function renderAuthorPage(data: AuthorPageData): string {
  return renderDocument(<AuthorPage {...data} />);
}
