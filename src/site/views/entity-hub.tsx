import type { EntityHubData } from '../view-models.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { langIfDifferent, renderDocument } from './document.js';
import { Layout } from './layout.js';
import { PaginationNav } from './pagination-nav.js';
import { StoryList } from './story-card.js';

/** The hub of one company, product, model, GPU, person or topic: what it is, and its stories. */
function EntityHub({ chrome, entity, breadcrumbs, stories, pagination }: EntityHubData) {
  const { t } = chrome;
  const lang = langIfDifferent(entity.lang, chrome.htmlLang);
  return (
    <Layout chrome={chrome} pageClass="page-entity">
      <Breadcrumbs items={breadcrumbs} t={t} canonicalUrl={chrome.canonicalUrl} />
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
      <section class="list-section" aria-labelledby="entity_stories">
        <h2 id="entity_stories">{t('entity.stories', { name: entity.name })}</h2>
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

/** An entity hub page as an HTML document. */
export function renderEntityHub(data: EntityHubData): string {
  return renderDocument(<EntityHub {...data} />);
}
