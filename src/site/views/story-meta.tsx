import type { StoryPageData, Translator } from '../view-models.js';
import { hostOf, webUrl } from './document.js';

export interface StoryMetaProps {
  story: StoryPageData['story'];
  t: Translator;
  lang: string | undefined;
}

/** Date, reading time, entity tags and original sources: the line under the title. */
export function StoryMeta({ story, t, lang }: StoryMetaProps) {
  return (
    <div class="story-meta" lang={lang}>
      <p class="meta-line">
        <time datetime={story.publishedAt}>{story.publishedLabel}</time>
        {story.updatedLabel ? (
          <span class="updated">
            {t('story.updated')}
            <time datetime={story.updatedAt}>{story.updatedLabel}</time>
          </span>
        ) : null}
        <span class="reading-time">{t('story.readingTime', { minutes: story.readingMinutes })}</span>
      </p>
      {story.entities.length > 0 ? (
        <ul class="entity-tags" aria-label={t('story.topics')}>
          {story.entities.map((entity) => (
            <li>
              <a class="tag" href={entity.href} data-kind={entity.kind}>
                {entity.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {story.sources.length > 0 ? <SourceList story={story} t={t} /> : null}
    </div>
  );
}

function SourceList({ story, t }: { story: StoryPageData['story']; t: Translator }) {
  return (
    <div class="sources">
      <span class="sources-label">{t('story.originalSource', { count: story.sources.length })}</span>
      <ul>
        {story.sources.map((source) => {
          const host = hostOf(source.url);
          const href = webUrl(source.url);
          return (
            <li>
              {href ? (
                <a class="source-link" href={href} rel="noopener">
                  {source.publisher || host}
                  {source.publisher && host ? <span class="source-host">{host}</span> : null}
                </a>
              ) : (
                // Not a web address (a `javascript:` URL, a typo): named, never linked.
                <span class="source-name">{source.publisher || source.url}</span>
              )}
              {source.author ? (
                <span class="source-author">{t('story.authorBy', { author: source.author })}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
