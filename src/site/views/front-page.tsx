import type { FrontPageData } from '../view-models.js';
import { renderDocument } from './document.js';
import { Layout } from './layout.js';
import { StoryList } from './story-card.js';

function FrontPage({ chrome, latest, sections }: FrontPageData) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} pageClass="page-front">
      <h1 class="front-title">{chrome.tagline || chrome.siteName}</h1>
      <section class="front-latest" aria-labelledby="latest_heading">
        <h2 id="latest_heading">{t('front.latest')}</h2>
        <StoryList stories={latest} t={t} pageLang={chrome.htmlLang} headingLevel={3} variant="lead" eager />
      </section>
      {sections.map(({ section, stories }, index) => (
        <section class="front-section" aria-labelledby={`front_section_${index}`}>
          <h2 id={`front_section_${index}`}>
            <a href={section.href}>{section.label}</a>
          </h2>
          <StoryList
            stories={stories}
            t={t}
            pageLang={chrome.htmlLang}
            headingLevel={3}
            variant="grid"
            hideSection
          />
          <p class="more">
            <a href={section.href}>{t('front.moreIn', { section: section.label })}</a>
          </p>
        </section>
      ))}
    </Layout>
  );
}

/** The front page as an HTML document. */
export function renderFrontPage(data: FrontPageData): string {
  return renderDocument(<FrontPage {...data} />);
}
