import type { KindHubData } from '../view-models.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { renderDocument } from './document.js';
import { Layout } from './layout.js';
import { StoryList } from './story-card.js';

/** A kind hub such as /en/gpus: every entity of the kind, then the latest stories about them. */
function KindHub({ chrome, heading, breadcrumbs, entities, stories }: KindHubData) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass="page-kind">
      <Breadcrumbs items={breadcrumbs} t={t} canonicalUrl={chrome.canonicalUrl} />
      <header class="page-header">
        <h1>{heading}</h1>
      </header>
      {entities.length > 0 ? (
        <ul class="entity-list">
          {entities.map((entity) => (
            <li>
              <a class="entity-name" href={entity.href}>
                {entity.label}
              </a>
              <span class="entity-count">{t('hub.storyCount', { count: entity.storyCount })}</span>
              {entity.description ? <p class="entity-description">{entity.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('hub.noEntities')}</p>
      )}
      {stories.length > 0 ? (
        <section class="list-section" aria-labelledby="kind_latest">
          <h2 id="kind_latest">{t('hub.latest')}</h2>
          <StoryList stories={stories} t={t} pageLang={chrome.htmlLang} headingLevel={3} variant="grid" />
        </section>
      ) : null}
    </Layout>
  );
}

/** A kind hub page as an HTML document. */
export function renderKindHub(data: KindHubData): string {
  return renderDocument(<KindHub {...data} />);
}
