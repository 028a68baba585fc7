import { raw } from 'hono/html';
import type { StoryPageData } from '../view-models.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { langIfDifferent, renderDocument } from './document.js';
import { Layout } from './layout.js';
import { ResponsiveImage } from './responsive-image.js';
import { ShareRow } from './share-row.js';
import { StoryByline } from './story-byline.js';
import { StoryList } from './story-card.js';
import { StoryFaq } from './story-faq.js';
import { StoryMeta } from './story-meta.js';

function StoryPage({ chrome, story, share, fallbackNotice, breadcrumbs, related }: StoryPageData) {
  const { t } = chrome;
  // Under a fallback the article is in another language than the page: it carries its own `lang`,
  // and the UI labels inside it (meta line, share row, FAQ heading) carry the page's back.
  const articleLang = langIfDifferent(story.lang, chrome.htmlLang);
  const uiLang = articleLang ? chrome.htmlLang : undefined;
  const contentLang = articleLang ?? chrome.htmlLang;
  const showsSection = breadcrumbs.at(-1)?.href === story.section.href;
  return (
    <Layout chrome={chrome} pageClass="page-story">
      <Breadcrumbs items={breadcrumbs} t={t} canonicalUrl={chrome.canonicalUrl} />
      {fallbackNotice ? (
        <p class="notice" role="note">
          {fallbackNotice}
        </p>
      ) : null}
      <article class="story" lang={articleLang}>
        <header class="story-header">
          {showsSection ? null : (
            <p class="kicker" lang={uiLang}>
              <a href={story.section.href}>{story.section.label}</a>
            </p>
          )}
          <h1>{story.title}</h1>
          {story.summary ? <p class="dek">{story.summary}</p> : null}
          <StoryByline byline={story.byline} t={t} lang={uiLang} />
          <StoryMeta story={story} t={t} lang={uiLang} />
          <ShareRow share={share} t={t} lang={uiLang} />
        </header>
        {story.hero ? (
          <figure class="hero">
            <ResponsiveImage
              image={{ ...story.hero, altLang: story.hero.altLang ?? chrome.htmlLang }}
              pageLang={contentLang}
              loading="eager"
              highPriority
            />
            {story.hero.credit ? (
              <figcaption lang={uiLang}>{t('story.imageCredit', { credit: story.hero.credit })}</figcaption>
            ) : null}
          </figure>
        ) : null}
        <div class="story-body">{raw(story.bodyHtml)}</div>
        <StoryFaq faq={story.faq} t={t} headingLang={uiLang} />
      </article>
      {related.length > 0 ? (
        <section class="related" aria-labelledby="related_heading">
          <h2 id="related_heading">{t('story.related')}</h2>
          <StoryList stories={related} t={t} pageLang={chrome.htmlLang} headingLevel={3} variant="compact" />
        </section>
      ) : null}
    </Layout>
  );
}

/** The whole story page as an HTML document. */
export function renderStoryPage(data: StoryPageData): string {
  return renderDocument(<StoryPage {...data} />);
}
