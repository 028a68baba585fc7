import type { EntityHubData } from '../view-models.js';
import { langIfDifferent, renderDocument } from './document.js';
import { StoryListPage } from './story-list-page.js';

/** The hub of one company, product, model, GPU, person or topic: what it is, and its stories. */
function EntityHub({ chrome, entity, breadcrumbs, stories, pagination }: EntityHubData) {
  const { t } = chrome;
  const lang = langIfDifferent(entity.lang, chrome.htmlLang);
  const header = (
    <header class="page-header">
      <p class="kicker">{entity.kindLabel}</p>
      <h1 lang={lang}>{entity.name}</h1>
      {entity.description ? (
        <p class="page-description" lang={lang}>
          {entity.description}
        </p>
      ) : null}
      {entity.aliases.length > 0 ? (
        <p class="aliases">
          <span class="aliases-label">{t('entity.aliases')}</span>
          {entity.aliases.map((alias) => (
            <span class="alias">{alias}</span>
          ))}
        </p>
      ) : null}
    </header>
  );
  return (
    <StoryListPage
      chrome={chrome}
      pageClass="page-entity"
      breadcrumbs={breadcrumbs}
      header={header}
      listId="entity_stories"
      listHeading={t('entity.stories', { name: entity.name })}
      stories={stories}
      pagination={pagination}
    />
  );
}

/** An entity hub page as an HTML document. */
export function renderEntityHub(data: EntityHubData): string {
  return renderDocument(<EntityHub {...data} />);
}
